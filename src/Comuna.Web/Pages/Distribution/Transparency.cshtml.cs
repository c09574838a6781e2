using Comuna.Application.Distribution;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Distribution;

/// <summary>Every round of a council with units and households served and missed: public, counts only.</summary>
public sealed class TransparencyModel(DistributionQueries queries) : PageModel
{
    public TransparencyView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await queries.TransparencyAsync(id, cancellationToken);
        if (!view.IsSuccess)
            return NotFound();
        View = view.Value;
        return Page();
    }
}
