using System.Globalization;
using Comuna.Application.Distribution;
using Comuna.Domain.Common;
using Comuna.Domain.Distribution;
using Comuna.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.Distribution;

/// <summary>
/// The health committee's page of a council: household by household, who counts as a child under
/// 5 or as elderly on a day (from the census) and who is flagged pregnant or malnourished (recorded
/// here), which is what a round starting that day counts for priority. Those who read the census
/// see it; the council's spokespeople and its commune's admin set and clear the flags.
/// </summary>
[Authorize]
public sealed class HealthModel(DistributionQueries queries, CurrentActor current, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 25;

    public HealthView Health { get; private set; } = null!;

    /// <summary>The household code searched for, if any.</summary>
    public string? Code { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? dia, string? hogar, int? pagina, CancellationToken cancellationToken) =>
        await LoadAsync(id, dia, hogar, pagina, cancellationToken) ?? Page();

    /// <summary>Flags a resident from the day shown (today unless a round's first day was asked for).</summary>
    public async Task<IActionResult> OnPostSetAsync(
        Guid id, Guid residentId, string? kind, string? dia, string? hogar, int? pagina, [FromServices] RecordHealthFlag record, CancellationToken cancellationToken)
    {
        if (ParseKind(kind) is not { } flagKind)
            return BadRequest();
        var day = Day(dia);
        var recorded = await record.ExecuteAsync(await current.GetAsync(cancellationToken), residentId, flagKind, day, null, cancellationToken);
        if (!recorded.IsSuccess)
            return await RefusedAsync(id, recorded.Error, dia, hogar, pagina, cancellationToken);
        Notice = string.Format(CultureInfo.CurrentCulture, localizer["Flag recorded: {0}, from {1}."], localizer[Name(flagKind)], day.ToString(localizer["Long date format"], CultureInfo.CurrentCulture));
        return Redirect(Here(id, dia, hogar, pagina));
    }

    /// <summary>Ends a resident's flag from today.</summary>
    public async Task<IActionResult> OnPostClearAsync(
        Guid id, Guid residentId, string? kind, string? dia, string? hogar, int? pagina, [FromServices] ClearHealthFlag clear, CancellationToken cancellationToken)
    {
        if (ParseKind(kind) is not { } flagKind)
            return BadRequest();
        var cleared = await clear.ExecuteAsync(await current.GetAsync(cancellationToken), residentId, flagKind, cancellationToken);
        if (!cleared.IsSuccess)
            return await RefusedAsync(id, cleared.Error, dia, hogar, pagina, cancellationToken);
        Notice = string.Format(CultureInfo.CurrentCulture, localizer["Flag cleared: {0}, from today."], localizer[Name(flagKind)]);
        return Redirect(Here(id, dia, hogar, pagina));
    }

    /// <summary>This page's address with what the reader had chosen, for links and redirects.</summary>
    public static string Here(Guid id, string? dia, string? hogar, int? pagina)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(dia))
            query.Add($"dia={Uri.EscapeDataString(dia)}");
        if (!string.IsNullOrWhiteSpace(hogar))
            query.Add($"hogar={Uri.EscapeDataString(hogar)}");
        if (pagina is > 1)
            query.Add($"pagina={pagina}");
        return $"/consejos/{id}/salud" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }

    /// <summary>The resource key of a flag's kind.</summary>
    public static string Name(HealthFlagKind kind) => kind == HealthFlagKind.Pregnant ? "Pregnant" : "Malnutrition";

    /// <summary>The wire name of a flag's kind, as the forms post it.</summary>
    public static string Wire(HealthFlagKind kind) => kind == HealthFlagKind.Pregnant ? "pregnant" : "malnutrition";

    private static HealthFlagKind? ParseKind(string? kind) => kind switch
    {
        "pregnant" => HealthFlagKind.Pregnant,
        "malnutrition" => HealthFlagKind.Malnutrition,
        _ => null,
    };

    private DateOnly Day(string? dia) =>
        DateOnly.TryParseExact(dia, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<IActionResult?> LoadAsync(Guid id, string? dia, string? hogar, int? pagina, CancellationToken cancellationToken)
    {
        Code = hogar;
        var health = await queries.HealthAsync(await current.GetAsync(cancellationToken), id, Day(dia), hogar, pagina, PageSize, cancellationToken);
        if (!health.IsSuccess)
            return health.Error.Kind == ErrorKind.Forbidden ? StatusCode(StatusCodes.Status403Forbidden) : NotFound();
        Health = health.Value;
        return null;
    }

    private async Task<IActionResult> RefusedAsync(Guid id, Error error, string? dia, string? hogar, int? pagina, CancellationToken cancellationToken)
    {
        if (error.Kind == ErrorKind.NotFound)
            return NotFound();
        if (error.Kind == ErrorKind.Forbidden)
            return StatusCode(StatusCodes.Status403Forbidden);
        if (await LoadAsync(id, dia, hogar, pagina, cancellationToken) is { } refused)
            return refused;
        ModelState.AddModelError(string.Empty, FormErrors.Message(error, localizer));
        return Page();
    }
}
