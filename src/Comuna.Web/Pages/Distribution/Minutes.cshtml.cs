using Comuna.Application.Distribution;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Distribution;

/// <summary>The public delivery minutes of a closed round: counts, who signed, and the checkpoint.</summary>
public sealed class MinutesModel(DistributionQueries queries) : PageModel
{
    public DeliveryMinutesView Minutes { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var minutes = await queries.MinutesAsync(id, cancellationToken);
        if (!minutes.IsSuccess)
            return minutes.Error.Code == "round-not-closed" ? Redirect($"/jornadas/{id}") : NotFound();
        Minutes = minutes.Value;
        return Page();
    }
}
