using System.Globalization;

namespace Comuna.Planning.FoodPlan;

/// <summary>
/// A made-up country, the same for the same seed: consuming communes, producing communes each
/// linked to its nearest consumers by a road of limited truck capacity, ports linked to their
/// nearest consumers, products that keep from one day to a month. It serves the benchmark (the
/// national and regional instances of the issue) and the tests' random instances.
/// </summary>
public static class SyntheticPlan
{
    public sealed record Shape
    {
        public int Consumers { get; init; } = 3000;
        public int Producers { get; init; } = 1000;
        public int Products { get; init; } = 40;
        /// <summary>Consumers each producer has a road to.</summary>
        public int Nearest { get; init; } = 30;
        public int Ports { get; init; } = 5;
        /// <summary>Consumers each port has a road to.</summary>
        public int PortReach { get; init; } = 500;
        /// <summary>Chance that a producer grows a product.</summary>
        public double LotChance { get; init; } = 1.0;
        /// <summary>Chance that a producing commune also needs a product (served where it grows).</summary>
        public double ProducerNeedChance { get; init; }
        /// <summary>A route's truck capacity, as a share of its producer's whole harvest.</summary>
        public double CapacityShare { get; init; } = 0.1;
        /// <summary>Whole need over whole harvest, per product, is drawn around this.</summary>
        public double NeedOverSupply { get; init; } = 1.0;

        public static Shape National => new();

        public static Shape Regional => new() { Products = 10 };
    }

    public static PlanInput Generate(Shape shape, int seed)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var random = new Random(seed);
        var products = Enumerable.Range(0, shape.Products)
            .Select(p => new ProductInput($"p{p}", $"Producto {p}", p % 3 == 0 ? "t" : "kg")).ToList();
        var shelfLife = Enumerable.Range(0, shape.Products).Select(p => (p % 4) switch { 0 => 1.0, 1 => 2.0, 2 => 4.0, _ => 30.0 }).ToArray();

        var places = new List<PlaceInput>();
        (double Lat, double Lon) Point() => (1 + 11 * random.NextDouble(), -73 + 13 * random.NextDouble());
        var consumers = new List<(string Id, double Lat, double Lon)>();
        for (var c = 0; c < shape.Consumers; c++)
        {
            var (lat, lon) = Point();
            consumers.Add(($"c{c}", lat, lon));
        }
        var producers = new List<(string Id, double Lat, double Lon)>();
        for (var p = 0; p < shape.Producers; p++)
        {
            var (lat, lon) = Point();
            producers.Add(($"f{p}", lat, lon));
        }
        var ports = new List<(string Id, double Lat, double Lon)>();
        for (var k = 0; k < shape.Ports; k++)
            ports.Add(($"port{k}", 10.5 + random.NextDouble(), -72 + 12 * k / (double)Math.Max(1, shape.Ports)));
        foreach (var (id, lat, lon) in consumers.Concat(producers).Concat(ports))
            places.Add(new PlaceInput(id, id, Math.Round(lat, 5), Math.Round(lon, 5)));

        var lots = new List<LotInput?>();
        var harvest = new double[shape.Producers];
        var supplyPerProduct = new double[shape.Products];
        for (var f = 0; f < shape.Producers; f++)
        {
            for (var p = 0; p < shape.Products; p++)
            {
                if (random.NextDouble() >= shape.LotChance)
                    continue;
                var quantity = Math.Round(50 + 450 * random.NextDouble());
                var available = random.Next(0, 3);
                lots.Add(new LotInput(producers[f].Id, products[p].Id, quantity, available, available + shelfLife[p]));
                harvest[f] += quantity;
                supplyPerProduct[p] += quantity;
            }
        }

        var needs = new List<NeedInput?>();
        for (var p = 0; p < shape.Products; p++)
        {
            var ratio = shape.NeedOverSupply * (0.7 + 0.6 * random.NextDouble());
            var weights = consumers.Select(_ => 0.5 + random.NextDouble()).ToArray();
            var total = weights.Sum();
            for (var c = 0; c < consumers.Count; c++)
                needs.Add(new NeedInput(consumers[c].Id, products[p].Id, Math.Round(supplyPerProduct[p] * ratio * weights[c] / total, 1)));
            for (var f = 0; f < producers.Count; f++)
                if (random.NextDouble() < shape.ProducerNeedChance)
                    needs.Add(new NeedInput(producers[f].Id, products[p].Id, Math.Round(20 + 80 * random.NextDouble())));
        }

        var routes = new List<RouteInput?>();
        static double Km((string Id, double Lat, double Lon) a, (string Id, double Lat, double Lon) b)
        {
            var dLat = (a.Lat - b.Lat) * 111;
            var dLon = (a.Lon - b.Lon) * 111 * Math.Cos(a.Lat * Math.PI / 180);
            return Math.Sqrt(dLat * dLat + dLon * dLon);
        }
        for (var f = 0; f < producers.Count; f++)
        {
            var nearest = consumers.Select((c, i) => (Km: Km(producers[f], c), Index: i)).OrderBy(x => x.Km).Take(shape.Nearest);
            foreach (var (km, i) in nearest)
            {
                var capacity = Math.Round(harvest[f] * shape.CapacityShare * (0.5 + random.NextDouble()));
                routes.Add(new RouteInput(producers[f].Id, consumers[i].Id, Math.Round(1 + km * 0.02, 3), Math.Max(1, Math.Ceiling(km / 150)), capacity));
            }
        }
        var totalNeed = needs.Sum(n => n!.Quantity!.Value);
        foreach (var port in ports)
        {
            var nearest = consumers.Select((c, i) => (Km: Km(port, c), Index: i)).OrderBy(x => x.Km).Take(shape.PortReach);
            foreach (var (km, i) in nearest)
                routes.Add(new RouteInput(port.Id, consumers[i].Id, Math.Round(1 + km * 0.02, 3), Math.Max(1, Math.Ceiling(km / 150)),
                    Math.Round(totalNeed / Math.Max(1, consumers.Count) * (0.5 + random.NextDouble()))));
        }

        var imports = new List<ImportInput?>();
        foreach (var port in ports)
            for (var p = 0; p < shape.Products; p++)
                imports.Add(new ImportInput(products[p].Id, port.Id, Math.Round(5 + 10 * random.NextDouble(), 2),
                    random.NextDouble() < 0.5 ? null : Math.Round(supplyPerProduct[p] * 0.2)));

        return new PlanInput
        {
            Products = products,
            Places = places,
            Lots = lots,
            Needs = needs,
            Routes = routes,
            Imports = imports,
            Penalties = new PenaltiesInput(1000, 100),
        };
    }

    /// <summary>One line about an instance, for the benchmark's report.</summary>
    public static string Describe(PlanProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return string.Create(CultureInfo.InvariantCulture,
            $"{problem.PlaceIds.Length} places, {problem.ProductIds.Length} products, {problem.LotCount} lots, {problem.SourceCount - problem.LotCount} import options, {problem.DemandCount} needs, {problem.RouteCount} routes, {problem.ArcCount} arcs");
    }
}
