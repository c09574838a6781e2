using System.Globalization;
using System.Text;
using Comuna.Planning.FoodPlan;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.FoodPlan;

/// <summary>
/// A plan's shipments as delivery orders for a spreadsheet, one line per producing commune,
/// receiving commune and product: the ids first, as the plan's JSON has them, then the names and
/// the unit. The communes act on it from a page in their language, so its headings and its origins
/// are in the page's language ("desde,hasta,…", "nacional"); the ids and the quantities, with a
/// decimal point, are as the contract writes them whatever the language.
/// </summary>
public static class DeliveryOrdersCsv
{
    public static string Compose(IEnumerable<Shipment> shipments, PlanNames names, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(shipments);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(localizer);
        var csv = new StringBuilder(localizer["PlanCsv:header"]).Append('\n');
        foreach (var s in shipments)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Cell(s.From)},{Cell(s.To)},{Cell(s.Product)},{s.Quantity.ToString("R", CultureInfo.InvariantCulture)},{Cell(localizer["PlanCsv:" + s.Origin])},");
            csv.Append(CultureInfo.InvariantCulture, $"{Cell(names.Place(s.From))},{Cell(names.Place(s.To))},{Cell(names.Product(s.Product))},{Cell(names.Unit(s.Product))}\n");
        }
        return csv.ToString();
    }

    private static string Cell(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
