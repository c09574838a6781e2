using Comuna.Application.Common;
using Comuna.Application.Registry;
using Comuna.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Registry;

/// <summary>A council's households, a page at a time, for those who may read its census.</summary>
public sealed class HouseholdsModel(RegistryQueries queries, CurrentActor current) : PageModel
{
    public CouncilView Council { get; private set; } = null!;

    public Page<HouseholdView> Households { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, int? pagina, CancellationToken cancellationToken)
    {
        var actor = await current.GetAsync(cancellationToken);
        var households = await queries.HouseholdsAsync(actor, id, pagina, null, cancellationToken);
        if (!households.IsSuccess || await queries.CouncilAsync(id, cancellationToken) is not { IsSuccess: true } council)
            return NotFound();
        Council = council.Value;
        Households = households.Value;
        return Page();
    }
}
