using Comuna.Application.Distribution;
using Comuna.Application.Registry;
using Comuna.Web.Access;
using Comuna.Web.Pages.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Distribution;

/// <summary>A council's distribution rounds, latest first: public, counts only.</summary>
public sealed class RoundsModel(DistributionQueries queries, RegistryQueries registry, CurrentActor current) : PageModel
{
    public CouncilView Council { get; private set; } = null!;

    public IReadOnlyList<RoundView> Rounds { get; private set; } = [];

    public bool CanRun { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var council = await registry.CouncilAsync(id, cancellationToken);
        if (!council.IsSuccess)
            return NotFound();
        Council = council.Value;
        Rounds = (await queries.OfCouncilAsync(id, cancellationToken)).Value;
        CanRun = DistributionAccess.CanRun(await current.GetAsync(cancellationToken), Council.AsCouncil());
        return Page();
    }
}
