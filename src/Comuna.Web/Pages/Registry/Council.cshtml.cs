using Comuna.Application.Access;
using Comuna.Application.Registry;
using Comuna.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Registry;

/// <summary>One council: who it is, where, under which rules, and whether its census fits them.</summary>
public sealed class CouncilModel(RegistryQueries queries, CurrentActor current) : PageModel
{
    public CouncilView Council { get; private set; } = null!;

    public PlaceView? Place { get; private set; }

    public CommuneView? Commune { get; private set; }

    public bool CanReadCensus { get; private set; }

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var council = await queries.CouncilAsync(id, cancellationToken);
        if (!council.IsSuccess)
            return NotFound();
        Council = council.Value;
        var place = await queries.PlaceAsync(Council.ParishId, cancellationToken);
        Place = place.IsSuccess ? place.Value : null;
        if (Council.CommuneId is { } communeId && await queries.CommuneAsync(communeId, cancellationToken) is { IsSuccess: true } commune)
            Commune = commune.Value;
        var actor = await current.GetAsync(cancellationToken);
        CanReadCensus = RegistryAccess.CanReadCensus(actor, Council.AsCouncil());
        CanEdit = RegistryAccess.CanEditCouncil(actor, Council.AsCouncil());
        return Page();
    }
}
