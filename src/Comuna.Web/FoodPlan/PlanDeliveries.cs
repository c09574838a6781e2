using Comuna.Application.FoodPlan;
using Comuna.Planning.FoodPlan;

namespace Comuna.Web.FoodPlan;

/// <summary>What a plan delivers to each place of each product: its shipments into the place added up, named as its inputs name the product.</summary>
public static class PlanDeliveries
{
    public static IReadOnlyList<DeliveredProduce> Of(PlanInput input, PlanResult result)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(result);
        var products = (input.Products ?? []).Where(p => p?.Id is not null)
            .GroupBy(p => p!.Id!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()!, StringComparer.Ordinal);
        return [.. result.Shipments
            .GroupBy(s => (s.To, s.Product))
            .Select(g =>
            {
                var product = products.GetValueOrDefault(g.Key.Product);
                return new DeliveredProduce(g.Key.To, g.Key.Product, product?.Name ?? g.Key.Product, product?.Unit ?? "", g.Sum(s => s.Quantity));
            })
            .Where(d => d.Quantity > 0)
            .OrderBy(d => d.Place, StringComparer.Ordinal).ThenBy(d => d.Product, StringComparer.Ordinal)];
    }
}
