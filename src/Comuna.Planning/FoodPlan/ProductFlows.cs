namespace Comuna.Planning.FoodPlan;

/// <summary>
/// Every product's network (<see cref="ProductFlow"/>), priced and re-optimised together, two at a
/// time. Under route prices λ ≥ 0 their optima add up to the Lagrangian bound of the whole
/// programme: <c>Σ product optimum at cost + λ − Σ λ·capacity</c> is below the programme's optimum
/// for any λ (each product keeps its supplies and needs; only the shared capacity became a price).
/// </summary>
internal sealed class ProductFlows
{
    private readonly ProductFlow[] flows;
    private readonly List<int>[] productArcs;
    // The products' arcs, those with the fewest first: the order products are planned one after another.
    private readonly List<int>[] leastFlexibleFirst;
    private readonly PlanProblem problem;
    private readonly FlowArcs arcs;
    private readonly double[] demand;
    private readonly double[] capacity;
    private readonly ParallelOptions parallel;

    // Scratch space of Replan, which runs one product at a time.
    private double[]? upper;
    private int[]? arcsOnRoute;

    public ProductFlows(PlanProblem problem, FlowArcs arcs, double[] demand, double[] capacity, CancellationToken cancellation)
    {
        this.problem = problem;
        this.arcs = arcs;
        this.demand = demand;
        this.capacity = capacity;
        var byProduct = new List<int>[problem.ProductIds.Length];
        for (var p = 0; p < byProduct.Length; p++)
            byProduct[p] = [];
        for (var a = 0; a < problem.ArcCount; a++)
            if (arcs.Useful[a])
                byProduct[problem.SourceProduct[problem.ArcSource[a]]].Add(a);
        productArcs = byProduct.Where(list => list.Count > 0).ToArray();
        leastFlexibleFirst = [.. productArcs.OrderBy(list => list.Count)];
        parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellation };
        flows = new ProductFlow[productArcs.Length];
        Parallel.For(0, productArcs.Length, parallel, i => flows[i] = new ProductFlow(problem, productArcs[i], arcs, demand));
    }

    /// <summary>Arcs of the whole plan (the length of every quantity array).</summary>
    public int ArcCount => problem.ArcCount;

    /// <summary>How many products are re-optimised at once (all cores by default; one while an LP solve holds the other).</summary>
    public int Threads
    {
        get => parallel.MaxDegreeOfParallelism;
        set => parallel.MaxDegreeOfParallelism = value;
    }

    /// <summary>Prices every route at <paramref name="routePrice"/> (0 where capacity is unlimited), re-optimises every product from its last tree, and gives the Lagrangian bound.</summary>
    public double Bound(double[] routePrice)
    {
        var value = new double[flows.Length];
        Parallel.For(0, flows.Length, parallel, i =>
        {
            flows[i].Price(routePrice);
            value[i] = flows[i].Solve();
        });
        var bound = value.Sum();
        for (var r = 0; r < routePrice.Length; r++)
            if (routePrice[r] > 0 && double.IsFinite(capacity[r]))
                bound -= routePrice[r] * capacity[r];
        return bound;
    }

    /// <summary>What every product ships along each plan arc at its last optimum.</summary>
    public double[] Quantities()
    {
        var quantity = new double[problem.ArcCount];
        foreach (var flow in flows)
            flow.CopyTo(quantity);
        return quantity;
    }

    /// <summary>Adds <paramref name="weight"/> times what every product ships along each plan arc at its last optimum to <paramref name="sum"/>.</summary>
    public void AddQuantities(double[] sum, double weight)
    {
        foreach (var flow in flows)
            flow.AddTo(sum, weight);
    }

    /// <summary>
    /// <paramref name="plan"/> (which may overload routes) brought within every route by scaling
    /// each overloaded route's shipments down to its capacity.
    /// </summary>
    public double[] WithinRoutes(double[] plan)
    {
        var quantity = (double[])plan.Clone();
        var load = new double[capacity.Length];
        problem.RouteLoads(quantity, load);
        for (var a = 0; a < quantity.Length; a++)
            if (quantity[a] > 0 && problem.ArcRoute[a] is var r and >= 0 && load[r] > capacity[r])
                quantity[a] *= capacity[r] / load[r];
        return quantity;
    }

    /// <summary>Every plan arc's reduced cost at its product's last optimum (0 for arcs no product holds).</summary>
    public double[] ReducedCosts()
    {
        var reduced = new double[problem.ArcCount];
        foreach (var flow in flows)
            flow.ReducedCostsTo(reduced);
        return reduced;
    }

    /// <summary>Every need's price at its product's last optimum (0 for needs no product holds).</summary>
    public double[] NeedPrices()
    {
        var price = new double[problem.DemandCount];
        foreach (var flow in flows)
            flow.NeedPricesTo(price);
        return price;
    }

    /// <summary>What all products together ship over each route at their last optima.</summary>
    public void RouteLoads(double[] load)
    {
        Array.Clear(load);
        foreach (var flow in flows)
            flow.AddRouteLoads(load);
    }

    /// <summary>
    /// A plan that respects every route, built product after product, the least flexible (fewest
    /// arcs) first: each one planned at the route prices in the truck space the products before
    /// it left. It loses far less than scaling an overloaded plan down, and costs one network
    /// solve per product.
    /// </summary>
    public double[] OneAfterAnother(double[] routePrice)
    {
        var quantity = new double[problem.ArcCount];
        var free = (double[])capacity.Clone();
        foreach (var list in leastFlexibleFirst)
            Replan(list, quantity, free, routePrice);
        return quantity;
    }

    /// <summary>
    /// <paramref name="plan"/> improved by re-planning each product in turn, at its own costs, in
    /// the truck space all the others leave. Its own flow still fits there, so no pass makes the
    /// plan worse, and it stays within every route.
    /// </summary>
    public double[] Improved(double[] plan, int passes)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var quantity = (double[])plan.Clone();
        var free = FreeSpace(quantity);
        var atCost = new double[capacity.Length];
        for (var pass = 0; pass < passes; pass++)
            foreach (var list in leastFlexibleFirst)
                Replan(list, quantity, free, atCost);
        return quantity;
    }

    /// <summary>
    /// <paramref name="plan"/> with truck space traded between products at
    /// <paramref name="routePrice"/>: every product is re-planned in turn in the space the others
    /// leave with each route's price added to its cost, so it gives up the space that earns it less
    /// than the price; then every product again at its own costs, so the space given up goes to
    /// whichever earns most from it. One product at a time can only take free space
    /// (<see cref="Improved"/>); a route full at the optimum changes hands only through such a sale.
    /// The plan stays within every route but may come out worse: keep the better of the two.
    /// </summary>
    /// <remarks>
    /// On the benchmark's national instance, at the prices of the climb's first 100 steps, one
    /// trade took the climb's plan from 2.84e-4 to 2.24e-4 of the best bound known in 3 s, and four
    /// more to 2.14e-4; at the turns' prices (<see cref="BlockPriceDescent"/>), four to 2.06e-4.
    /// Taking the products in other orders (reversed, shuffled) after that gained 1e-5 more at most.
    /// </remarks>
    public double[] Traded(double[] plan, double[] routePrice)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var quantity = (double[])plan.Clone();
        var free = FreeSpace(quantity);
        var atCost = new double[capacity.Length];
        foreach (var list in leastFlexibleFirst)
            Replan(list, quantity, free, routePrice);
        foreach (var list in leastFlexibleFirst)
            Replan(list, quantity, free, atCost);
        return quantity;
    }

    // The truck space a plan leaves on every route (none on a route it overloads).
    private double[] FreeSpace(double[] quantity)
    {
        var free = (double[])capacity.Clone();
        for (var a = 0; a < quantity.Length; a++)
            if (quantity[a] > 0 && problem.ArcRoute[a] is var r and >= 0)
                free[r] -= quantity[a];
        for (var r = 0; r < free.Length; r++)
            free[r] = Math.Max(0, free[r]);
        return free;
    }

    /// <summary>
    /// Re-plans one product's arcs (<paramref name="list"/>) of <paramref name="quantity"/> at
    /// <paramref name="routePrice"/>: each arc may carry what it carries now plus its part of the
    /// route's <paramref name="free"/> space (shared evenly among the product's arcs on that
    /// route, as two lots of one place may both use it), and <paramref name="free"/> follows.
    /// </summary>
    private void Replan(List<int> list, double[] quantity, double[] free, double[] routePrice)
    {
        parallel.CancellationToken.ThrowIfCancellationRequested();
        upper ??= (double[])arcs.Upper.Clone();
        arcsOnRoute ??= new int[capacity.Length];
        foreach (var a in list)
            if (problem.ArcRoute[a] is var r and >= 0)
                arcsOnRoute[r]++;
        var before = new double[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            var a = list[i];
            before[i] = quantity[a];
            upper[a] = problem.ArcRoute[a] is var r and >= 0
                ? Math.Min(arcs.Upper[a], quantity[a] + (free[r] / arcsOnRoute[r]))
                : arcs.Upper[a];
        }
        foreach (var a in list)
            if (problem.ArcRoute[a] is var r and >= 0)
                arcsOnRoute[r] = 0;
        var flow = new ProductFlow(problem, list, arcs, demand, upper);
        flow.Price(routePrice);
        flow.Solve();
        flow.CopyTo(quantity);
        for (var i = 0; i < list.Count; i++)
            if (problem.ArcRoute[list[i]] is var r and >= 0)
                free[r] = Math.Max(0, free[r] + before[i] - quantity[list[i]]);
    }
}
