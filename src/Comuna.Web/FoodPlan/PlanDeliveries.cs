using Comuna.Application.FoodPlan;
using Comuna.Planning.FoodPlan;

namespace Comuna.Web.FoodPlan;

/// <summary>
/// What a plan delivers to each place of each product, and what it sends from each: its shipments
/// into or out of the place added up, named as its inputs name the product.
/// </summary>
public static class PlanDeliveries
{
    /// <summary>What the plan delivers to each place, of each product.</summary>
    public static IReadOnlyList<PlaceProduce> Of(PlanInput input, PlanResult result) =>
        ByPlace(input, result, s => s.To);

    /// <summary>What the plan sends from each place (a producing commune, or a port), of each product.</summary>
    public static IReadOnlyList<PlaceProduce> Sent(PlanInput input, PlanResult result) =>
        ByPlace(input, result, s => s.From);

    private static List<PlaceProduce> ByPlace(PlanInput input, PlanResult result, Func<Shipment, string> place)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(result);
        var products = (input.Products ?? []).Where(p => p?.Id is not null)
            .GroupBy(p => p!.Id!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()!, StringComparer.Ordinal);
        return [.. result.Shipments
            .GroupBy(s => (Place: place(s), s.Product))
            .Select(g =>
            {
                var product = products.GetValueOrDefault(g.Key.Product);
                return new PlaceProduce(g.Key.Place, g.Key.Product, product?.Name ?? g.Key.Product, product?.Unit ?? "", g.Sum(s => s.Quantity));
            })
            .Where(d => d.Quantity > 0)
            .OrderBy(d => d.Place, StringComparer.Ordinal).ThenBy(d => d.Product, StringComparer.Ordinal)];
    }
}
