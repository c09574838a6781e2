using Comuna.Application.FoodPlan;
using Comuna.Application.Ledger;
using Comuna.Application.Registry;
using Comuna.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Registry;

/// <summary>
/// One commune: its charter, its counts, the councils that make it up, and what the published food
/// plans have it send and receive, with the ways on that the reader may take (a link that could
/// only end in "not found" is not offered).
/// </summary>
public sealed class CommuneModel(RegistryQueries queries, LedgerQueries ledger, CommunePlans plans, CurrentActor current) : PageModel
{
    public CommuneView Commune { get; private set; } = null!;

    public PlaceView? Place { get; private set; }

    public IReadOnlyList<CouncilView> Councils { get; private set; } = [];

    /// <summary>The newest published food plans that have the commune send or receive, with what.</summary>
    public IReadOnlyList<CommunePlanLine> Plans { get; private set; } = [];

    /// <summary>Whether the reader belongs to the commune (or coordinates the country), and so may read its books.</summary>
    public bool CanReadBooks { get; private set; }

    /// <summary>Whether the reader may register a council into the commune: its admin, a spokesperson of one of its councils.</summary>
    public bool CanRegisterCouncil { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var commune = await queries.CommuneAsync(id, cancellationToken);
        var councils = await queries.CouncilsOfCommuneAsync(id, cancellationToken);
        if (!commune.IsSuccess || !councils.IsSuccess)
            return NotFound();
        Commune = commune.Value;
        Councils = councils.Value;
        Plans = await plans.PublishedAsync(Commune.Code, cancellationToken);
        var place = await queries.PlaceAsync(Commune.ParishId, cancellationToken);
        Place = place.IsSuccess ? place.Value : null;
        var actor = await current.GetAsync(cancellationToken);
        CanReadBooks = await ledger.CanReadBooksAsync(actor, id, cancellationToken);
        CanRegisterCouncil = await queries.CanRegisterCouncilAsync(actor, id, cancellationToken);
        return Page();
    }
}
