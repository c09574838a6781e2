using Comuna.Application.Registry;
using Comuna.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Registry;

/// <summary>One municipality and its parishes.</summary>
public sealed class MunicipalityModel(RegistryQueries queries) : PageModel
{
    public MunicipalityView Municipality { get; private set; } = null!;

    public string StateName { get; private set; } = "";

    public IReadOnlyList<PlaceRow> Parishes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var found = await queries.MunicipalityAsync(id, cancellationToken);
        if (!found.IsSuccess)
            return NotFound();
        Municipality = found.Value.Municipality;
        Parishes = found.Value.Parishes.Select(p => new PlaceRow($"/territorio/parroquia/{p.Id}", p.Name, p.Counts)).ToList();
        // Every municipality has parishes; the place of any one of them names the state cheaply.
        if (found.Value.Parishes.Count > 0 && await queries.PlaceAsync(found.Value.Parishes[0].Id, cancellationToken) is { IsSuccess: true } place)
            StateName = place.Value.StateName;
        return Page();
    }
}
