using Comuna.Application.Access;
using Comuna.Application.Registry;
using Comuna.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Registry;

/// <summary>One parish: its communes, and the councils that belong to no commune yet.</summary>
public sealed class ParishModel(RegistryQueries queries, CurrentActor current) : PageModel
{
    public ParishView Parish { get; private set; } = null!;

    public PlaceView Place { get; private set; } = null!;

    public IReadOnlyList<CommuneView> Communes { get; private set; } = [];

    public IReadOnlyList<CouncilView> Councils { get; private set; } = [];

    /// <summary>Whether the reader may register a council somewhere, and so here (into a commune of theirs).</summary>
    public bool MayRegisterCouncil { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var found = await queries.ParishAsync(id, cancellationToken);
        var place = await queries.PlaceAsync(id, cancellationToken);
        if (!found.IsSuccess || !place.IsSuccess)
            return NotFound();
        (Parish, Communes, Councils) = found.Value;
        Place = place.Value;
        MayRegisterCouncil = RegistryAccess.MayRegisterSomeCouncil(await current.GetAsync(cancellationToken));
        return Page();
    }
}
