using Comuna.Application.Deliberation;
using Comuna.Application.Distribution;
using Comuna.Application.Registry;
using Comuna.Domain.Distribution;
using Comuna.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Registry;

/// <summary>
/// Where a signed-in resident lives: their household, its council, the assemblies it has convened,
/// and the distribution rounds open now with what the household is to receive in each.
/// </summary>
public sealed class MyHouseholdModel(RegistryQueries queries, DeliberationQueries assemblies, DistributionQueries rounds, CurrentActor current) : PageModel
{
    public bool SignedIn { get; private set; }

    public IReadOnlyList<(HouseholdView Household, CouncilView? Council)> Homes { get; private set; } = [];

    /// <summary>Per council, the assemblies convened or in session: a resident learns of them here.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<AssemblyView>> Upcoming { get; private set; } = new Dictionary<Guid, IReadOnlyList<AssemblyView>>();

    /// <summary>Per household, its council's open rounds, each with the household's share (null if it may not be read).</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<(RoundView Round, HouseholdEntitlementView? Share)>> OpenRounds { get; private set; } =
        new Dictionary<Guid, IReadOnlyList<(RoundView, HouseholdEntitlementView?)>>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await current.GetAsync(cancellationToken);
        SignedIn = actor.IsAuthenticated;
        var homes = new List<(HouseholdView, CouncilView?)>();
        foreach (var household in await queries.MyHouseholdsAsync(actor, cancellationToken))
        {
            var council = await queries.CouncilAsync(household.CouncilId, cancellationToken);
            homes.Add((household, council.IsSuccess ? council.Value : null));
        }
        Homes = homes;
        var upcoming = new Dictionary<Guid, IReadOnlyList<AssemblyView>>();
        foreach (var councilId in homes.Select(h => h.Item1.CouncilId).Distinct())
        {
            upcoming[councilId] = await assemblies.NotClosedOfCouncilAsync(councilId, cancellationToken);
        }
        Upcoming = upcoming;
        var open = new Dictionary<Guid, IReadOnlyList<(RoundView, HouseholdEntitlementView?)>>();
        foreach (var (household, _) in homes)
        {
            var ofCouncil = await rounds.OfCouncilAsync(household.CouncilId, cancellationToken);
            var shares = new List<(RoundView, HouseholdEntitlementView?)>();
            foreach (var round in ofCouncil.IsSuccess ? ofCouncil.Value.Where(r => r.Status == RoundStatus.Open) : [])
            {
                var share = await rounds.HouseholdAsync(actor, round.Id, household.Id, cancellationToken);
                shares.Add((round, share.IsSuccess ? share.Value : null));
            }
            open[household.Id] = shares;
        }
        OpenRounds = open;
    }
}
