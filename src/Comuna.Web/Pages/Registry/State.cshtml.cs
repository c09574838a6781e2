using Comuna.Application.Registry;
using Comuna.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Registry;

/// <summary>One state and its municipalities.</summary>
public sealed class StateModel(RegistryQueries queries) : PageModel
{
    public StateView State { get; private set; } = null!;

    public IReadOnlyList<PlaceRow> Municipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var found = await queries.StateAsync(id, cancellationToken);
        if (!found.IsSuccess)
            return NotFound();
        State = found.Value.State;
        Municipalities = found.Value.Municipalities
            .Select(m => new PlaceRow($"/territorio/municipio/{m.Id}", m.Name, m.Counts)).ToList();
        return Page();
    }
}
