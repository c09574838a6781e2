using Comuna.Application.Registry;
using Comuna.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Registry;

/// <summary>Where a signed-in resident lives: their household and its council.</summary>
public sealed class MyHouseholdModel(RegistryQueries queries, CurrentActor current) : PageModel
{
    public bool SignedIn { get; private set; }

    public IReadOnlyList<(HouseholdView Household, CouncilView? Council)> Homes { get; private set; } = [];

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
    }
}
