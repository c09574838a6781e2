using System.Globalization;

namespace Comuna.Planning.FoodPlan;

/// <summary>
/// A validated plan, indexed for the solver: supplies (harvest lots and import options), needs
/// (summed per place and product), routes, and every arc along which one supply can serve one
/// need — over one route from the supply's place, or directly when the supply is at the very place
/// of the need (no route, no cost, no travel days: a lot serves the need of its own commune).
/// </summary>
/// <remarks>
/// An arc exists only where it can help: a lot reaches a need over route A→B only if
/// <c>availableDay + days &lt;= spoilsAfterDay</c>; an import never spoils. The objective of a plan is
/// <c>spoiledPerUnit·Σspoiled + unmetPerUnit·Σunmet + Σ route cost·qty + Σ import cost·qty</c>.
/// <para>
/// Quantities are held in the measure of the routes' capacities — a product's units times its
/// weight (<see cref="ProductWeight"/>) — so that every route's row sums its arcs with coefficient
/// 1 whatever the products' units, and the solver never sees a weight. Supplies, needs and
/// <see cref="ArcCost"/> are in that measure; <see cref="SourceCost"/>, <see cref="RouteCost"/> and
/// the penalties stay per unit, as given; <see cref="Units"/> turns a quantity back into units.
/// With every weight 1 (the contract's default) the two measures are the same.
/// </para>
/// </remarks>
public sealed class PlanProblem
{
    /// <summary>Default weight of a missing unit: ten times the dearest unit of transport plus import, plus ten.</summary>
    public const double DefaultFactor = 10;

    /// <summary>
    /// The largest number an input may hold (a quantity, a cost, a penalty, a day): a thousand
    /// million million, beyond which a plan's objective loses its units (a double holds integers
    /// exactly only up to about 9·10¹⁵) and, near 10³⁰⁸, becomes infinite.
    /// </summary>
    public const double LargestNumber = 1e15;

    /// <summary>
    /// The range of a product's weight. The solver works in the measure of capacity, where a unit's
    /// costs and penalties are divided by its weight: outside this range they fall below the
    /// solver's tolerances, or overflow, and a plan would be wrong while claiming to be optimal.
    /// From a gram in tonnes of capacity (10⁻⁶) to a tonne in grams (10⁶) fits with room to spare.
    /// </summary>
    public const double SmallestWeight = 1e-9, LargestWeight = 1e9;

    internal PlanProblem() { }

    public required string[] ProductIds { get; init; }

    /// <summary>How much of a route's capacity one unit of the product takes (1 unless the input says otherwise).</summary>
    public required double[] ProductWeight { get; init; }
    public required string[] PlaceIds { get; init; }

    // Supplies: lots first, then imports.
    public required int[] SourcePlace { get; init; }
    public required int[] SourceProduct { get; init; }
    /// <summary>Quantity of a lot, capacity of an import (<see cref="double.PositiveInfinity"/> when unlimited), in the measure of capacity.</summary>
    public required double[] SourceSupply { get; init; }
    public required bool[] SourceIsImport { get; init; }
    /// <summary>Import cost per unit (0 for a lot).</summary>
    public required double[] SourceCost { get; init; }
    public int LotCount { get; init; }

    // Needs, one per place and product.
    public required int[] DemandPlace { get; init; }
    public required int[] DemandProduct { get; init; }
    /// <summary>What each need asks, in the measure of capacity.</summary>
    public required double[] DemandQuantity { get; init; }

    // Routes.
    public required int[] RouteFrom { get; init; }
    public required int[] RouteTo { get; init; }
    public required double[] RouteCost { get; init; }
    public required double[] RouteDays { get; init; }
    /// <summary>Shared capacity of a route; <see cref="double.PositiveInfinity"/> when unlimited.</summary>
    public required double[] RouteCapacity { get; init; }

    // Arcs: supply → need, over a route (or -1: served where it is).
    public required int[] ArcSource { get; init; }
    public required int[] ArcDemand { get; init; }
    public required int[] ArcRoute { get; init; }
    /// <summary>Route cost plus import cost along the arc, per measure of capacity (per unit ÷ weight).</summary>
    public required double[] ArcCost { get; init; }

    public double SpoiledPerUnit { get; init; }
    public double UnmetPerUnit { get; init; }

    public int SourceCount => SourcePlace.Length;
    public int DemandCount => DemandPlace.Length;
    public int RouteCount => RouteFrom.Length;
    public int ArcCount => ArcSource.Length;

    /// <summary>What <paramref name="quantity"/> (a quantity per arc) loads on each route, into <paramref name="load"/>.</summary>
    public void RouteLoads(double[] quantity, double[] load)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        ArgumentNullException.ThrowIfNull(load);
        Array.Clear(load);
        for (var a = 0; a < quantity.Length; a++)
            if (quantity[a] > 0 && ArcRoute[a] >= 0)
                load[ArcRoute[a]] += quantity[a];
    }

    /// <summary>The part of the objective no shipment can change: every lot lost and every need unmet.</summary>
    public double ConstantObjective() => ConstantObjective(null, DemandQuantity);

    /// <summary>The same for a stage of a plan: only the lots <paramref name="enabled"/> allows (all when null), against <paramref name="demand"/>.</summary>
    public double ConstantObjective(bool[]? enabled, double[] demand)
    {
        ArgumentNullException.ThrowIfNull(demand);
        double lots = 0, needs = 0;
        for (var s = 0; s < LotCount; s++)
            if (enabled is null || enabled[s])
                lots += Units(SourceSupply[s], SourceProduct[s]);
        for (var d = 0; d < demand.Length; d++)
            needs += Units(demand[d], DemandProduct[d]);
        return SpoiledPerUnit * lots + UnmetPerUnit * needs;
    }

    /// <summary>A quantity of <paramref name="product"/> held in the measure of capacity, in the product's own units.</summary>
    public double Units(double quantity, int product) => quantity / ProductWeight[product];

    /// <summary>What one measure of capacity along the arc saves: the units it carries not lost and meeting a need, less its cost.</summary>
    public double ArcProfit(int arc) =>
        ((UnmetPerUnit + (SourceIsImport[ArcSource[arc]] ? 0 : SpoiledPerUnit)) / ProductWeight[SourceProduct[ArcSource[arc]]]) - ArcCost[arc];

    /// <summary>Validates the input and indexes it; every error names its entry.</summary>
    public static (PlanProblem? Problem, IReadOnlyList<PlanError> Errors) Build(PlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<PlanError>();
        var products = Index(input.Products, "products", p => p?.Id, errors);
        var productWeight = new double[products.Count];
        for (var i = 0; i < (input.Products?.Count ?? 0); i++)
        {
            var product = input.Products![i];
            if (product?.Id is not { } id || !products.TryGetValue(id, out var p) || productWeight[p] > 0)
                continue;
            var entry = new PlanEntry("products", i, $"(\"{id}\")");
            var weight = Optional(product.Weight, 1, entry, "weight", errors);
            if (weight == 0)
                errors.Add(new("zero-weight", PlanMessages.ZeroWeight(entry)));
            else if (weight > 0 && weight is < SmallestWeight or > LargestWeight)
                errors.Add(new("weight-out-of-range", PlanMessages.WeightOutOfRange(entry, Show(weight))));
            productWeight[p] = weight > 0 ? weight : 1;
        }
        var places = Index(input.Places, "places", p => p?.Id, errors);
        CheckCoordinates(input.Places, errors);

        var sourcePlace = new List<int>();
        var sourceProduct = new List<int>();
        var sourceSupply = new List<double>();
        var sourceIsImport = new List<bool>();
        var sourceCost = new List<double>();
        var sourceAvailable = new List<double>();
        var sourceSpoils = new List<double>();

        var lots = input.Lots ?? [];
        for (var i = 0; i < lots.Count; i++)
        {
            var lot = lots[i];
            var name = new PlanEntry("lots", i, lot is null ? null : $"(place \"{lot.Place}\", product \"{lot.Product}\")");
            if (lot is null)
            {
                errors.Add(new("missing-entry", PlanMessages.MissingEntry(name)));
                continue;
            }
            var place = Lookup(places, lot.Place, name, "place", "unknown-place", errors);
            var product = Lookup(products, lot.Product, name, "product", "unknown-product", errors);
            var quantity = Required(lot.Quantity, name, "quantity", errors);
            var available = Optional(lot.AvailableDay, 0, name, "availableDay", errors, allowNegative: true);
            var spoils = Optional(lot.SpoilsAfterDay, double.PositiveInfinity, name, "spoilsAfterDay", errors, allowNegative: true);
            if (spoils < available)
                errors.Add(new("spoils-before-available", PlanMessages.SpoilsBeforeAvailable(name, Show(spoils), Show(available))));
            if (place < 0 || product < 0 || quantity < 0)
                continue;
            sourcePlace.Add(place);
            sourceProduct.Add(product);
            sourceSupply.Add(quantity);
            sourceIsImport.Add(false);
            sourceCost.Add(0);
            sourceAvailable.Add(available);
            sourceSpoils.Add(spoils);
        }
        var lotCount = sourcePlace.Count;

        var imports = input.Imports ?? [];
        for (var i = 0; i < imports.Count; i++)
        {
            var option = imports[i];
            var name = new PlanEntry("imports", i, option is null ? null : $"(product \"{option.Product}\", place \"{option.Place}\")");
            if (option is null)
            {
                errors.Add(new("missing-entry", PlanMessages.MissingEntry(name)));
                continue;
            }
            var product = Lookup(products, option.Product, name, "product", "unknown-product", errors);
            var place = Lookup(places, option.Place, name, "place", "unknown-place", errors);
            var cost = Optional(option.CostPerUnit, 0, name, "costPerUnit", errors);
            var capacity = Optional(option.Capacity, double.PositiveInfinity, name, "capacity", errors);
            if (place < 0 || product < 0 || cost < 0 || capacity < 0)
                continue;
            sourcePlace.Add(place);
            sourceProduct.Add(product);
            sourceSupply.Add(capacity);
            sourceIsImport.Add(true);
            sourceCost.Add(cost);
            sourceAvailable.Add(0);
            sourceSpoils.Add(double.PositiveInfinity);
        }

        var demandIndex = new Dictionary<(int Place, int Product), int>();
        var demandPlace = new List<int>();
        var demandProduct = new List<int>();
        var demandQuantity = new List<double>();
        var needs = input.Needs ?? [];
        for (var i = 0; i < needs.Count; i++)
        {
            var need = needs[i];
            var name = new PlanEntry("needs", i, need is null ? null : $"(place \"{need.Place}\", product \"{need.Product}\")");
            if (need is null)
            {
                errors.Add(new("missing-entry", PlanMessages.MissingEntry(name)));
                continue;
            }
            var place = Lookup(places, need.Place, name, "place", "unknown-place", errors);
            var product = Lookup(products, need.Product, name, "product", "unknown-product", errors);
            var quantity = Required(need.Quantity, name, "quantity", errors);
            if (place < 0 || product < 0 || quantity < 0)
                continue;
            if (!demandIndex.TryGetValue((place, product), out var d))
            {
                d = demandPlace.Count;
                demandIndex[(place, product)] = d;
                demandPlace.Add(place);
                demandProduct.Add(product);
                demandQuantity.Add(0);
            }
            demandQuantity[d] += quantity;
        }

        var routeFrom = new List<int>();
        var routeTo = new List<int>();
        var routeCost = new List<double>();
        var routeDays = new List<double>();
        var routeCapacity = new List<double>();
        var routes = input.Routes ?? [];
        for (var i = 0; i < routes.Count; i++)
        {
            var route = routes[i];
            var name = new PlanEntry("routes", i, route is null ? null : $"({route.From ?? "?"} → {route.To ?? "?"})");
            if (route is null)
            {
                errors.Add(new("missing-entry", PlanMessages.MissingEntry(name)));
                continue;
            }
            var from = Lookup(places, route.From, name, "from", "unknown-place", errors, PlanMessages.StartsNowhere);
            var to = Lookup(places, route.To, name, "to", "unknown-place", errors, PlanMessages.GoesNowhere);
            var cost = Optional(route.CostPerUnit, 0, name, "costPerUnit", errors);
            var days = Optional(route.Days, 0, name, "days", errors);
            var capacity = Optional(route.Capacity, double.PositiveInfinity, name, "capacity", errors);
            if (from < 0 || to < 0 || cost < 0 || days < 0 || capacity < 0)
                continue;
            routeFrom.Add(from);
            routeTo.Add(to);
            routeCost.Add(cost);
            routeDays.Add(days);
            routeCapacity.Add(capacity);
        }

        var penalties = new PlanEntry("penalties");
        var spoiledGiven = Optional(input.Penalties?.SpoiledPerUnit, double.NaN, penalties, "spoiledPerUnit", errors);
        var unmetGiven = Optional(input.Penalties?.UnmetPerUnit, double.NaN, penalties, "unmetPerUnit", errors);
        if (errors.Count > 0)
            return (null, errors);

        // From here on, quantities are in the measure of capacity (units × weight).
        for (var s = 0; s < sourceSupply.Count; s++)
            sourceSupply[s] *= productWeight[sourceProduct[s]];
        for (var d = 0; d < demandQuantity.Count; d++)
            demandQuantity[d] *= productWeight[demandProduct[d]];

        // Arcs: every supply to every need of its product at the end of a route from its place, if it
        // arrives before it spoils; and directly to a need at its own place.
        var routesFrom = new List<int>[places.Count];
        for (var r = 0; r < routeFrom.Count; r++)
            (routesFrom[routeFrom[r]] ??= []).Add(r);
        var arcSource = new List<int>();
        var arcDemand = new List<int>();
        var arcRoute = new List<int>();
        var arcCost = new List<double>();
        for (var s = 0; s < sourcePlace.Count; s++)
        {
            var product = sourceProduct[s];
            if (demandIndex.TryGetValue((sourcePlace[s], product), out var local) && sourceAvailable[s] <= sourceSpoils[s])
            {
                arcSource.Add(s);
                arcDemand.Add(local);
                arcRoute.Add(-1);
                arcCost.Add(sourceCost[s]);
            }
            foreach (var r in routesFrom[sourcePlace[s]] ?? [])
            {
                if (!demandIndex.TryGetValue((routeTo[r], product), out var d))
                    continue;
                if (sourceAvailable[s] + routeDays[r] > sourceSpoils[s] + 1e-9)
                    continue;
                arcSource.Add(s);
                arcDemand.Add(d);
                arcRoute.Add(r);
                arcCost.Add(sourceCost[s] + routeCost[r]);
            }
        }

        // Default penalties make each term dominate the next, unit for unit: a missing unit weighs
        // ten times the dearest unit of transport plus import (plus ten), a lost unit ten times that.
        var dearest = 0.0;
        foreach (var c in arcCost)
            dearest = Math.Max(dearest, c);
        var unmet = double.IsNaN(unmetGiven) ? DefaultFactor * (1 + dearest) : unmetGiven;
        var spoiled = double.IsNaN(spoiledGiven) ? DefaultFactor * Math.Max(unmet, 1 + dearest) : spoiledGiven;
        for (var a = 0; a < arcCost.Count; a++)
            arcCost[a] /= productWeight[sourceProduct[arcSource[a]]];

        return (new PlanProblem
        {
            ProductIds = [.. products.Keys],
            ProductWeight = productWeight,
            PlaceIds = [.. places.Keys],
            SourcePlace = [.. sourcePlace],
            SourceProduct = [.. sourceProduct],
            SourceSupply = [.. sourceSupply],
            SourceIsImport = [.. sourceIsImport],
            SourceCost = [.. sourceCost],
            LotCount = lotCount,
            DemandPlace = [.. demandPlace],
            DemandProduct = [.. demandProduct],
            DemandQuantity = [.. demandQuantity],
            RouteFrom = [.. routeFrom],
            RouteTo = [.. routeTo],
            RouteCost = [.. routeCost],
            RouteDays = [.. routeDays],
            RouteCapacity = [.. routeCapacity],
            ArcSource = [.. arcSource],
            ArcDemand = [.. arcDemand],
            ArcRoute = [.. arcRoute],
            ArcCost = [.. arcCost],
            SpoiledPerUnit = spoiled,
            UnmetPerUnit = unmet,
        }, errors);
    }

    /// <summary>
    /// A place's coordinates, where given, must be a point on the Earth: a latitude of 99 is a
    /// typing slip that would put the commune off every map its delivery orders are read on.
    /// </summary>
    private static void CheckCoordinates(IReadOnlyList<PlaceInput?>? places, List<PlanError> errors)
    {
        for (var i = 0; i < (places?.Count ?? 0); i++)
        {
            if (places![i] is not { } place)
                continue;
            var entry = new PlanEntry("places", i, $"(\"{place.Id}\")");
            if (place.Lat is { } lat && !(Math.Abs(lat) <= 90))
                errors.Add(new("bad-coordinate", PlanMessages.NotALatitude(entry, Show(lat))));
            if (place.Lon is { } lon && !(Math.Abs(lon) <= 180))
                errors.Add(new("bad-coordinate", PlanMessages.NotALongitude(entry, Show(lon))));
        }
    }

    /// <summary>Ids in input order; a missing or repeated id is an error naming the entry.</summary>
    private static Dictionary<string, int> Index<T>(IReadOnlyList<T>? entries, string list, Func<T, string?> id, List<PlanError> errors)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        if (entries is null)
            return index;
        for (var i = 0; i < entries.Count; i++)
        {
            var key = id(entries[i]);
            if (string.IsNullOrWhiteSpace(key))
                errors.Add(new("missing-id", PlanMessages.MissingId(new PlanEntry(list, i))));
            else if (!index.TryAdd(key, index.Count))
                errors.Add(new("duplicate-id", PlanMessages.RepeatedId(new PlanEntry(list, i), key)));
        }
        return index;
    }

    /// <summary>The index of the place or product <paramref name="id"/> names, or -1 with the error; <paramref name="unknown"/> words it for a route's ends.</summary>
    private static int Lookup(Dictionary<string, int> index, string? id, PlanEntry name, string field, string code, List<PlanError> errors,
        Func<PlanEntry, string, FormattableString>? unknown = null)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(new($"missing-{field.ToLowerInvariant()}", PlanMessages.Missing(name, new PlanField(field))));
            return -1;
        }
        if (index.TryGetValue(id, out var found))
            return found;
        errors.Add(new(code, unknown?.Invoke(name, id)
            ?? (code == "unknown-product" ? PlanMessages.UnknownProduct(name, id, new PlanField(field)) : PlanMessages.UnknownPlace(name, id, new PlanField(field)))));
        return -1;
    }

    private static double Required(double? value, PlanEntry name, string field, List<PlanError> errors)
    {
        if (value is null)
        {
            errors.Add(new("missing-quantity", PlanMessages.Missing(name, new PlanField(field))));
            return -1;
        }
        return Optional(value, 0, name, field, errors);
    }

    private static double Optional(double? value, double fallback, PlanEntry name, string field, List<PlanError> errors, bool allowNegative = false)
    {
        if (value is not { } v)
            return fallback;
        if (!double.IsFinite(v))
        {
            errors.Add(new("not-a-number", PlanMessages.NotFinite(name, new PlanField(field))));
            return -1;
        }
        if (v < 0 && !allowNegative)
        {
            errors.Add(new("negative-quantity", PlanMessages.Negative(name, new PlanField(field), Show(v))));
            return -1;
        }
        if (Math.Abs(v) > LargestNumber)
        {
            errors.Add(new("too-large", v > 0 ? PlanMessages.TooLarge(name, new PlanField(field), Show(v)) : PlanMessages.TooFarBelowZero(name, new PlanField(field), Show(v))));
            return -1;
        }
        return v;
    }

    private static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
