using Comuna.Application.Deliberation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.Deliberation;

/// <summary>The minutes as a PDF (<see cref="Web.Deliberation.MinutesPdf"/>), named after the council and the day.</summary>
public sealed class MinutesPdfModel(DeliberationQueries queries, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var minutes = await queries.MinutesAsync(id, cancellationToken);
        var assembly = await queries.AssemblyAsync(id, cancellationToken);
        if (!minutes.IsSuccess || !assembly.IsSuccess)
            return NotFound();
        var positions = assembly.Value.Agenda.ToDictionary(i => i.Id, i => i.Position);
        var pdf = Web.Deliberation.MinutesPdf.Compose(minutes.Value, positions, localizer, ofParliament: assembly.Value.CouncilId is null);
        var day = VenezuelanTime.ToLocal(minutes.Value.Content.StartsAtUtc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return File(pdf, "application/pdf", $"acta-{minutes.Value.Content.CouncilCode}-{day}.pdf");
    }
}
