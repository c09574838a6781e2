using Comuna.Application.Common;
using Comuna.Application.Distribution;
using Comuna.Domain.Common;
using Comuna.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Pages.Distribution;

/// <summary>
/// A round's delivery sheet to print and take to the pick-up point: one line per entitled household
/// with its code, the units the allocation gives it, a box to tick and a space to sign. By default
/// it carries no names — the sheet lies on a table where everyone sees it — and no reasons for
/// priority, which tell of health; <c>?nombres=1</c> adds each household's eldest member for the
/// spokesperson's own copy. The ticked codes are entered afterwards on the round's page. Like the
/// allocation it lists households, so it is for those who read the council's census.
/// </summary>
[Authorize]
public sealed class SheetModel(DistributionQueries queries, PreviewAllocation preview, CurrentActor current, IComunaDb db) : PageModel
{
    public RoundView Round { get; private set; } = null!;

    public IReadOnlyList<SheetRow> Rows { get; private set; } = [];

    public bool WithNames { get; private set; }

    public sealed record SheetRow(string Code, int Units, string? Name, int? Delivered);

    public async Task<IActionResult> OnGetAsync(Guid id, int? nombres, CancellationToken cancellationToken)
    {
        var round = await queries.RoundAsync(id, cancellationToken);
        if (!round.IsSuccess)
            return NotFound();
        var allocation = await preview.ExecuteAsync(await current.GetAsync(cancellationToken), id, cancellationToken);
        if (!allocation.IsSuccess)
            return allocation.Error.Kind == ErrorKind.Forbidden ? StatusCode(StatusCodes.Status403Forbidden) : NotFound();
        Round = round.Value;
        WithNames = nombres == 1;
        var names = new Dictionary<Guid, string>();
        if (WithNames)
        {
            names = (await db.Residents.AsNoTracking().Where(r => r.Household!.CouncilId == Round.CouncilId)
                    .Select(r => new { r.HouseholdId, r.BirthDate, r.NationalId, r.FirstNames, r.LastNames }).ToListAsync(cancellationToken))
                .GroupBy(r => r.HouseholdId)
                .ToDictionary(g => g.Key, g => g.OrderBy(r => r.BirthDate).ThenBy(r => r.NationalId, StringComparer.Ordinal).Select(r => $"{r.FirstNames} {r.LastNames}").First());
        }
        Rows = allocation.Value.Lines.Where(l => l.Entitled > 0).OrderBy(l => l.Code, StringComparer.Ordinal)
            .Select(l => new SheetRow(l.Code, l.Allocated, WithNames ? names.GetValueOrDefault(l.HouseholdId) : null, l.Delivered)).ToList();
        return Page();
    }
}
