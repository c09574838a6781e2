using System.Globalization;
using System.Text;
using Comuna.Planning.FoodPlan;
using Comuna.Web.FoodPlan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.FoodPlan;

/// <summary>
/// The food plan from a page: paste or upload a plan's inputs (the JSON of <c>comuna plan</c>),
/// plan it, and read the result per commune and product, the import gap, both policies side by
/// side, and the delivery orders as CSV for the producing and receiving communes. Nothing is
/// stored: the input travels with the form.
/// </summary>
[Authorize]
public sealed class PlanModel(IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Inputs above this size are refused: the page is for a region's plan, the CLI for the nation's.</summary>
    public const int MaxInputBytes = 8 * 1024 * 1024;

    [BindProperty]
    public string? Json { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string Policy { get; set; } = "production-first";

    public PlanResult? Result { get; private set; }

    /// <summary>Per place and product: need, delivered, unmet, lost.</summary>
    public IReadOnlyList<PlaceLine> Places { get; private set; } = [];

    /// <summary>The inputs of the plan just made.</summary>
    public PlanInput? Input { get; private set; }

    public sealed record PlaceLine(string Place, string Product, double Need, double Delivered, double Unmet, double Spoiled);

    public void OnGet([FromQuery(Name = "ejemplo")] bool example = false)
    {
        if (example)
            Json = Example;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await PlanAsync(cancellationToken);
        return Page();
    }

    /// <summary>The shipments as delivery orders, one line per producing commune, receiving commune and product.</summary>
    public async Task<IActionResult> OnPostCsvAsync(CancellationToken cancellationToken)
    {
        if (!await PlanAsync(cancellationToken))
            return Page();
        var csv = new StringBuilder("from,to,product,quantity,origin\n");
        foreach (var s in Result!.Shipments)
            csv.Append(CultureInfo.InvariantCulture, $"{Cell(s.From)},{Cell(s.To)},{Cell(s.Product)},{s.Quantity.ToString("R", CultureInfo.InvariantCulture)},{s.Origin}\n");
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"ordenes-de-entrega-{Result.Policy}.csv");
    }

    public async Task<IActionResult> OnPostPdfAsync(CancellationToken cancellationToken)
    {
        if (!await PlanAsync(cancellationToken))
            return Page();
        return File(DeliveryOrdersPdf.Compose(Result!, Input!, localizer), "application/pdf", $"ordenes-de-entrega-{Result!.Policy}.pdf");
    }

    private async Task<bool> PlanAsync(CancellationToken cancellationToken)
    {
        if (Upload is { Length: > 0 } upload)
        {
            if (upload.Length > MaxInputBytes)
            {
                ModelState.AddModelError(nameof(Upload), localizer["The file is too large for the page; use comuna plan."]);
                return false;
            }
            using var reader = new StreamReader(upload.OpenReadStream(), Encoding.UTF8);
            Json = await reader.ReadToEndAsync(cancellationToken);
        }
        if (string.IsNullOrWhiteSpace(Json))
        {
            ModelState.AddModelError(nameof(Json), localizer["Paste the plan's inputs or choose a file."]);
            return false;
        }
        var policy = FoodPlanner.ParsePolicy(Policy);
        if (policy is null)
        {
            ModelState.AddModelError(nameof(Policy), localizer["Choose production-first or import-first."]);
            return false;
        }
        var json = Json;
        var (result, errors) = await Task.Run(() => FoodPlanner.PlanFromJson(json, policy.Value), cancellationToken);
        if (result is null)
        {
            foreach (var error in errors)
                ModelState.AddModelError(nameof(Json), error.Message);
            return false;
        }
        Result = result;
        // Read once more for what the result does not repeat: the needs, and the places' and products' names.
        Input = PlanJson.ReadInput(json).Input!;
        Places = Lines(Input, result);
        return true;
    }

    private static List<PlaceLine> Lines(PlanInput input, PlanResult result)
    {
        var delivered = result.Shipments.GroupBy(s => (s.To, s.Product)).ToDictionary(g => g.Key, g => g.Sum(s => s.Quantity));
        var unmet = result.Unmet.ToDictionary(u => (u.Place, u.Product), u => u.Quantity);
        var spoiled = result.Spoiled.ToDictionary(s => (s.Place, s.Product), s => s.Quantity);
        var need = (input.Needs ?? []).GroupBy(n => (n!.Place!, n.Product!)).ToDictionary(g => g.Key, g => g.Sum(n => n!.Quantity ?? 0));
        return [.. need.Keys.Concat(spoiled.Keys).Distinct()
            .OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal)
            .Select(k => new PlaceLine(k.Item1, k.Item2, need.GetValueOrDefault(k), delivered.GetValueOrDefault(k), unmet.GetValueOrDefault(k), spoiled.GetValueOrDefault(k)))];
    }

    private static string Cell(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    /// <summary>Quantities as a person reads them here: 1.234,5.</summary>
    public static string Number(double value) => value.ToString("#,##0.##", CultureInfo.CurrentCulture);

    /// <summary>A small plan to start from: a farm, a city, a town and a port.</summary>
    public const string Example = """
        {
          "products": [{ "id": "platano", "name": "Plátano", "unit": "t" }, { "id": "maiz", "name": "Maíz", "unit": "t" }],
          "places": [
            { "id": "el-maizal", "name": "Comuna El Maizal", "lat": 9.77, "lon": -69.52 },
            { "id": "barquisimeto", "name": "Barquisimeto", "lat": 10.07, "lon": -69.32 },
            { "id": "sarare", "name": "Sarare", "lat": 9.78, "lon": -69.16 },
            { "id": "puerto-cabello", "name": "Puerto Cabello", "lat": 10.47, "lon": -68.01 }
          ],
          "lots": [
            { "place": "el-maizal", "product": "platano", "quantity": 100, "availableDay": 0, "spoilsAfterDay": 5 },
            { "place": "el-maizal", "product": "maiz", "quantity": 60, "availableDay": 0, "spoilsAfterDay": 60 }
          ],
          "needs": [
            { "place": "barquisimeto", "product": "platano", "quantity": 100 },
            { "place": "sarare", "product": "platano", "quantity": 50 },
            { "place": "barquisimeto", "product": "maiz", "quantity": 80 }
          ],
          "routes": [
            { "from": "el-maizal", "to": "barquisimeto", "costPerUnit": 3, "days": 1, "capacity": 160 },
            { "from": "puerto-cabello", "to": "barquisimeto", "costPerUnit": 1, "days": 1, "capacity": null },
            { "from": "puerto-cabello", "to": "sarare", "costPerUnit": 1, "days": 1, "capacity": null }
          ],
          "imports": [
            { "product": "platano", "place": "puerto-cabello", "costPerUnit": 1, "capacity": null },
            { "product": "maiz", "place": "puerto-cabello", "costPerUnit": 2, "capacity": null }
          ],
          "penalties": { "spoiledPerUnit": 1000, "unmetPerUnit": 100 }
        }
        """;
}
