using Comuna.Application.Deliberation;
using Comuna.Application.Registry;
using Comuna.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Registry;

/// <summary>Where a signed-in resident lives: their household, its council and the assemblies it has convened.</summary>
public sealed class MyHouseholdModel(RegistryQueries queries, DeliberationQueries assemblies, CurrentActor current) : PageModel
{
    public bool SignedIn { get; private set; }

    public IReadOnlyList<(HouseholdView Household, CouncilView? Council)> Homes { get; private set; } = [];

    /// <summary>Per council, the assemblies convened or in session: a resident learns of them here.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<AssemblyView>> Upcoming { get; private set; } = new Dictionary<Guid, IReadOnlyList<AssemblyView>>();

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
    }
}
