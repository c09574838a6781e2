using Comuna.Application.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Registry;

/// <summary>One parish: its communes, and the councils that belong to no commune yet.</summary>
public sealed class ParishModel(RegistryQueries queries) : PageModel
{
    public ParishView Parish { get; private set; } = null!;

    public PlaceView Place { get; private set; } = null!;

    public IReadOnlyList<CommuneView> Communes { get; private set; } = [];

    public IReadOnlyList<CouncilView> Councils { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var found = await queries.ParishAsync(id, cancellationToken);
        var place = await queries.PlaceAsync(id, cancellationToken);
        if (!found.IsSuccess || !place.IsSuccess)
            return NotFound();
        (Parish, Communes, Councils) = found.Value;
        Place = place.Value;
        return Page();
    }
}
