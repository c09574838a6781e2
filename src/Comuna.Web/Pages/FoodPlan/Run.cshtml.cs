using System.Globalization;
using System.Security.Claims;
using System.Text;
using Comuna.Application.FoodPlan;
using Comuna.Application.Registry;
using Comuna.Planning.FoodPlan;
using Comuna.Web.FoodPlan;
using Comuna.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.FoodPlan;

/// <summary>
/// One plan run: while it plans, the stage, round, time, objective and proven bound, and the page
/// asks again every two seconds by itself (a meta refresh, no script); when it is done, the result
/// per commune and product, the import gap, both policies side by side, and the delivery orders
/// as CSV and PDF. A run no longer in memory is read back from the database, so the result and its
/// orders are there after a restart. Only the account that started the run sees it (and may delete
/// it once it has ended, or publish it); for anyone else it does not exist — until it is published:
/// then anyone reads it, with or without an account, and nobody deletes it.
/// </summary>
[AllowAnonymous]
public sealed class RunModel(
    IStringLocalizer<SharedResource> localizer, PlanRuns runs, OrdersPdfGate pdfGate, RegistryQueries registry, TimeProvider clock) : PageModel
{
    /// <summary>How often a running plan's page asks again, in seconds.</summary>
    public const int RefreshSeconds = 2;

    public PlanRun Run { get; private set; } = null!;

    /// <summary>The run as it stood when the page was asked for: the page shows this one instant, whatever the run does meanwhile.</summary>
    public PlanRunSnapshot Now { get; private set; } = null!;

    /// <summary>How many lines of the table per commune and product one page shows: a national plan has 120,000.</summary>
    public const int LinesPerPage = 100;

    /// <summary>How many shipments the page lists; the CSV has them all.</summary>
    public const int ShipmentsShown = 500;

    /// <summary>What the reader looks for: a commune's name or id, in part, with or without accents.</summary>
    [BindProperty(SupportsGet = true, Name = "lugar")]
    public string? PlaceQuery { get; set; }

    /// <summary>The search as it is applied, trimmed; null when there is none.</summary>
    public string? SoughtQuery => string.IsNullOrWhiteSpace(PlaceQuery) ? null : PlaceQuery.Trim();

    /// <summary>The page of the lines per commune and product, from 1.</summary>
    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    /// <summary>This page of the lines per place and product (of those the search finds): need, delivered, unmet, lost.</summary>
    public IReadOnlyList<PlaceLine> Places { get; private set; } = [];

    /// <summary>How many lines per place and product the search finds, over every page.</summary>
    public int PlaceLineCount { get; private set; }

    /// <summary>The shipments shown (those from or to what the search finds), at most <see cref="ShipmentsShown"/>.</summary>
    public IReadOnlyList<Shipment> Shipments { get; private set; } = [];

    /// <summary>How many shipments the search finds, shown or not.</summary>
    public int ShipmentCount { get; private set; }

    public PagerModel Pager => new($"/plan-alimentario/ejecuciones/{Run.Id}", PageNumber, (PlaceLineCount + LinesPerPage - 1) / LinesPerPage,
        SoughtQuery is { } query ? "lugar=" + Uri.EscapeDataString(query) : null, "por-comuna");

    /// <summary>The plan's places and products by the names its input gives them.</summary>
    public PlanNames Names { get; private set; } = null!;

    /// <summary>
    /// The registry's communes among the places this page shows, by code: a plan made from the
    /// registry names its places by commune code, and each such place leads to its commune's page
    /// (where its published plans are).
    /// </summary>
    public IReadOnlyDictionary<string, Guid> CommunePages { get; private set; } = new Dictionary<string, Guid>();

    /// <summary>Seconds since the run started (until it finished).</summary>
    public double Elapsed { get; private set; }

    /// <summary>Whether the reader started the run: only they cancel, delete or publish it.</summary>
    public bool IsOwner { get; private set; }

    /// <summary>Whether the page asks its owner to confirm publishing: a plan once published stays public, so it takes two taps.</summary>
    public bool ConfirmingPublish { get; private set; }

    /// <summary>Whether the plan has no needs and no harvest lots (<see cref="EmptyPlan"/>): there is nothing in it to publish.</summary>
    public bool PlansNothing => EmptyPlan.Is(Run.Input);

    public sealed record PlaceLine(string PlaceId, string Place, string Product, double Need, double Delivered, double Unmet, double Spoiled);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return Missing();
        if (Now.Result is { } result)
        {
            var lines = Lines(Run.Input, result);
            PlaceLineCount = lines.Count;
            PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, Pager.PageCount));
            Places = [.. lines.Skip((PageNumber - 1) * LinesPerPage).Take(LinesPerPage)];
            var shipments = SoughtShipments(result).ToList();
            ShipmentCount = shipments.Count;
            Shipments = [.. shipments.Take(ShipmentsShown)];
            var shown = Places.Select(p => p.PlaceId).Concat(Shipments.SelectMany(s => new[] { s.From, s.To })).Distinct(StringComparer.Ordinal).ToList();
            CommunePages = await registry.CommuneIdsByCodeAsync(shown, cancellationToken);
        }
        return Page();
    }

    /// <summary>The shipments as delivery orders for a spreadsheet (<see cref="DeliveryOrdersCsv"/>), of the communes sought when a search is on.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Now.Result is not { } result)
            return Missing();
        var csv = DeliveryOrdersCsv.Compose(SoughtShipments(result), Names, localizer);
        return File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", DeliveryOrdersFileName.Of(result.Policy, localizer) + ".csv");
    }

    /// <summary>The delivery orders to print: what each commune sends, and what each receives (of the communes sought, when a search is on).</summary>
    public async Task<IActionResult> OnGetPdfAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Now.Result is not { } result)
            return Missing();
        var pdf = await pdfGate.ComposeAsync(() => DeliveryOrdersPdf.Compose(result, Names, localizer, Sought), cancellationToken);
        return File(pdf, "application/pdf", DeliveryOrdersFileName.Of(result.Policy, localizer) + ".pdf");
    }

    /// <summary>Stops the run within a moment.</summary>
    public async Task<IActionResult> OnPostCancelAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !IsOwner)
            return Missing();
        PlanRuns.Cancel(Run);
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// The run's page asking its owner whether to publish it, saying what that means, with the
    /// button that does it and a way back: a link, so that it works without script.
    /// </summary>
    public async Task<IActionResult> OnGetPublishAsync(string id, CancellationToken cancellationToken)
    {
        ConfirmingPublish = true;
        return await OnGetAsync(id, cancellationToken);
    }

    /// <summary>
    /// Makes the plan public for good, once its owner has confirmed it: anyone may read it, and the
    /// councils of the communes it delivers to open their rounds of produce from it. A plan of
    /// nothing is not published: the confirmation says why.
    /// </summary>
    public async Task<IActionResult> OnPostPublishAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !IsOwner)
            return Missing();
        var published = await runs.PublishAsync(Run, Viewer!, cancellationToken);
        if (published.Error == PublishPlan.PlansNothing)
            return RedirectToPage(null, "Publish", new { id });
        if (!published.IsSuccess)
            return Missing();
        return RedirectToPage(new { id });
    }

    /// <summary>Deletes a run that has ended, inputs and result, and goes back to the list of plans.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (Viewer is not { } owner || !await runs.DeleteAsync(id, owner, cancellationToken))
            return Missing();
        return RedirectToPage("/FoodPlan/Plan");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await runs.FindAsync(id, Viewer, cancellationToken) is not { } run)
            return false;
        Run = run;
        IsOwner = run.IsOwnedBy(Viewer);
        Now = run.Snapshot();
        Names = PlanNames.Of(run.Input);
        Elapsed = ((Now.FinishedAt ?? clock.GetUtcNow()) - run.StartedAt).TotalSeconds;
        return true;
    }

    /// <summary>The reader's account; null without one.</summary>
    private string? Viewer => User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>A plan that is not the reader's does not exist; without an account, one is asked for first, as before.</summary>
    private IActionResult Missing() => Viewer is null ? Challenge() : NotFound();

    /// <summary>Whether the place is one the reader looks for (every place when the search is empty).</summary>
    private bool Sought(string placeId)
    {
        if (SoughtQuery is not { } query)
            return true;
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        const CompareOptions loosely = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;
        return compare.IndexOf(placeId, query, loosely) >= 0 || compare.IndexOf(Names.Place(placeId), query, loosely) >= 0;
    }

    /// <summary>The shipments from or to the places sought (all of them when the search is empty).</summary>
    private IEnumerable<Shipment> SoughtShipments(PlanResult result) => result.Shipments.Where(s => Sought(s.From) || Sought(s.To));

    /// <summary>The lines per place and product of the places sought, by name.</summary>
    private List<PlaceLine> Lines(PlanInput input, PlanResult result)
    {
        var delivered = PlanDeliveries.Of(input, result).ToDictionary(d => (d.Place, d.Product), d => d.Quantity);
        var unmet = result.Unmet.ToDictionary(u => (u.Place, u.Product), u => u.Quantity);
        var spoiled = result.Spoiled.ToDictionary(s => (s.Place, s.Product), s => s.Quantity);
        var need = (input.Needs ?? []).GroupBy(n => (n!.Place!, n.Product!)).ToDictionary(g => g.Key, g => g.Sum(n => n!.Quantity ?? 0));
        return [.. need.Keys.Concat(spoiled.Keys).Distinct().Where(k => Sought(k.Item1))
            .Select(k => new PlaceLine(k.Item1, Names.Place(k.Item1), Names.Product(k.Item2), need.GetValueOrDefault(k), delivered.GetValueOrDefault(k), unmet.GetValueOrDefault(k), spoiled.GetValueOrDefault(k)))
            .OrderBy(line => line.Place, StringComparer.CurrentCulture).ThenBy(line => line.Product, StringComparer.CurrentCulture)];
    }

    /// <summary>Quantities as a person reads them here: 1.234,5.</summary>
    public static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("#,##0.##", CultureInfo.CurrentCulture) : "—";

    /// <summary>A relative gap, as a percentage with enough digits to see it close.</summary>
    public static string Percent(double value) =>
        double.IsFinite(value) ? value.ToString("0.####%", CultureInfo.CurrentCulture) : "—";
}
