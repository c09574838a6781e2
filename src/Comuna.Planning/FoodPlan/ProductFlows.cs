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
    private readonly PlanProblem problem;
    private readonly FlowArcs arcs;
    private readonly double[] demand;
    private readonly double[] capacity;
    private readonly ParallelOptions parallel;

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
        parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellation };
        flows = new ProductFlow[productArcs.Length];
        Parallel.For(0, productArcs.Length, parallel, i => flows[i] = new ProductFlow(problem, productArcs[i], arcs, demand));
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

    /// <summary>What all products together ship over each route at their last optima.</summary>
    public void RouteLoads(double[] load)
    {
        Array.Clear(load);
        foreach (var flow in flows)
            flow.AddRouteLoads(load);
    }

    /// <summary>
    /// A plan that respects every route, built product after product: each one planned at the
    /// route prices with only the truck space the products before it left. It loses far less
    /// than scaling an overloaded plan down, and costs one network solve per product.
    /// </summary>
    public double[] OneAfterAnother(double[] routePrice)
    {
        var quantity = new double[problem.ArcCount];
        var room = (double[])capacity.Clone();
        var upper = (double[])arcs.Upper.Clone();
        foreach (var list in productArcs)
        {
            parallel.CancellationToken.ThrowIfCancellationRequested();
            foreach (var a in list)
                if (problem.ArcRoute[a] is var r and >= 0)
                    upper[a] = Math.Min(arcs.Upper[a], room[r]);
            var flow = new ProductFlow(problem, list, arcs, demand, upper);
            flow.Price(routePrice);
            flow.Solve();
            flow.CopyTo(quantity);
            foreach (var a in list)
                if (quantity[a] > 0 && problem.ArcRoute[a] is var r and >= 0)
                    room[r] = Math.Max(0, room[r] - quantity[a]);
        }
        return quantity;
    }
}
