using Comuna.Application.Registry;
using Comuna.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Registry;

/// <summary>One household and its members, for its council's census readers and its own residents.</summary>
public sealed class HouseholdModel(RegistryQueries queries, CurrentActor current) : PageModel
{
    public HouseholdView Household { get; private set; } = null!;

    public IReadOnlyList<ResidentView> Members { get; private set; } = [];

    public CouncilView? Council { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var actor = await current.GetAsync(cancellationToken);
        var found = await queries.HouseholdAsync(actor, id, cancellationToken);
        if (!found.IsSuccess)
            return NotFound();
        (Household, Members) = found.Value;
        var council = await queries.CouncilAsync(Household.CouncilId, cancellationToken);
        Council = council.IsSuccess ? council.Value : null;
        return Page();
    }
}
