namespace Comuna.Planning.FoodPlan;

/// <summary>A commune of the registry as a place of the plan, with the families it feeds and where its seat is.</summary>
public sealed record PlaceFamilies(string Id, string Name, int Families, double? Lat = null, double? Lon = null);

/// <summary>
/// Needs derived from the registry: each commune needs its families × the basket per family.
/// The communes join the plan's places (with their seat's coordinates) where they are not already, and
/// their needs of the basket's products replace any written by hand; every other need stays.
/// </summary>
public static class CensusNeeds
{
    public static (PlanInput? Input, IReadOnlyList<PlanError> Errors) Apply(PlanInput input, IReadOnlyList<BasketItem> basket, IReadOnlyList<PlaceFamilies> communes)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(basket);
        ArgumentNullException.ThrowIfNull(communes);
        var products = (input.Products ?? []).Where(p => p?.Id is not null).Select(p => p!.Id!).ToHashSet(StringComparer.Ordinal);
        var errors = basket
            .Where(item => !products.Contains(item.Product))
            .Select(item => new PlanError("unknown-product", products.Count == 0
                ? PlanMessages.BasketUnknownProductNoProducts(item.Line, item.Product)
                : PlanMessages.BasketUnknownProduct(item.Line, item.Product, string.Join(", ", products.Order(StringComparer.Ordinal)))))
            .ToList();
        if (errors.Count > 0)
            return (null, errors);

        var places = (input.Places ?? []).ToList();
        var known = places.Where(p => p?.Id is not null).Select(p => p!.Id!).ToHashSet(StringComparer.Ordinal);
        places.AddRange(communes.Where(c => known.Add(c.Id)).Select(c => new PlaceInput(c.Id, c.Name, c.Lat, c.Lon)));

        var replaced = communes.SelectMany(c => basket.Select(item => (c.Id, item.Product))).ToHashSet();
        var needs = (input.Needs ?? []).Where(n => n?.Place is null || n.Product is null || !replaced.Contains((n.Place, n.Product))).ToList();
        needs.AddRange(
            from c in communes
            from item in basket
            where c.Families > 0 && item.PerFamily > 0
            select new NeedInput(c.Id, item.Product, c.Families * item.PerFamily));
        return (input with { Places = places, Needs = needs }, []);
    }
}
