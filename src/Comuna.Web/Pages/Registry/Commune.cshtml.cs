using Comuna.Application.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Registry;

/// <summary>One commune: its charter, its counts, and the councils that make it up.</summary>
public sealed class CommuneModel(RegistryQueries queries) : PageModel
{
    public CommuneView Commune { get; private set; } = null!;

    public PlaceView? Place { get; private set; }

    public IReadOnlyList<CouncilView> Councils { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var commune = await queries.CommuneAsync(id, cancellationToken);
        var councils = await queries.CouncilsOfCommuneAsync(id, cancellationToken);
        if (!commune.IsSuccess || !councils.IsSuccess)
            return NotFound();
        Commune = commune.Value;
        Councils = councils.Value;
        var place = await queries.PlaceAsync(Commune.ParishId, cancellationToken);
        Place = place.IsSuccess ? place.Value : null;
        return Page();
    }
}
