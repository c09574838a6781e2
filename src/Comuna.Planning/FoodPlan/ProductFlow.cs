namespace Comuna.Planning.FoodPlan;

/// <summary>
/// One product's part of the plan as a network: its supplies, its needs and a root that takes
/// what is not shipped, with an arc per useful supply → need pair (upper bound: what the supply,
/// the need and the route could ever carry). Route capacity is not in it: it enters as a price per
/// unit on each route, and <see cref="Solve"/> re-optimises from the last tree after the prices move.
/// </summary>
internal sealed class ProductFlow
{
    private readonly int[] arcOf;     // network arc → plan arc (−1 for arcs to the root)
    private readonly int[] routeOf;   // network arc → route (−1 when none)
    private readonly double[] baseCost;
    private readonly double[] cost;
    private readonly int rootArcs;
    private readonly NetworkSimplex simplex;
    private readonly int[] pricedArcs; // network arcs over a route, the only ones a price can move
    private readonly (int Demand, int Node)[] demandNodes;

    /// <param name="upper">Upper bounds per plan arc instead of <see cref="FlowArcs.Upper"/> (e.g. what other products left of a route).</param>
    public ProductFlow(PlanProblem problem, IReadOnlyList<int> arcs, FlowArcs flowArcs, double[] demand, double[]? upper = null)
    {
        var sourceNode = new Dictionary<int, int>();
        var demandNode = new Dictionary<int, int>();
        foreach (var a in arcs)
            sourceNode.TryAdd(problem.ArcSource[a], sourceNode.Count);
        foreach (var a in arcs)
            demandNode.TryAdd(problem.ArcDemand[a], sourceNode.Count + demandNode.Count);
        var nodes = sourceNode.Count + demandNode.Count;
        rootArcs = nodes;
        var count = nodes + arcs.Count;
        var from = new int[count];
        var to = new int[count];
        cost = new double[count];
        var bounds = new double[count];
        var supply = new double[nodes];
        arcOf = new int[count];
        routeOf = new int[count];
        double needTotal = 0;
        foreach (var (d, node) in demandNode)
        {
            from[node] = node;
            to[node] = nodes;
            bounds[node] = demand[d];
            arcOf[node] = -1;
            routeOf[node] = -1;
            needTotal += demand[d];
        }
        foreach (var (s, node) in sourceNode)
        {
            from[node] = node;
            to[node] = nodes;
            bounds[node] = double.PositiveInfinity;
            supply[node] = Math.Min(problem.SourceSupply[s], needTotal);
            arcOf[node] = -1;
            routeOf[node] = -1;
        }
        var priced = new List<int>();
        double scale = 1;
        for (var i = 0; i < arcs.Count; i++)
        {
            var a = arcs[i];
            var n = nodes + i;
            from[n] = sourceNode[problem.ArcSource[a]];
            to[n] = demandNode[problem.ArcDemand[a]];
            cost[n] = flowArcs.Cost[a];
            bounds[n] = Math.Max(0, (upper ?? flowArcs.Upper)[a]);
            arcOf[n] = a;
            routeOf[n] = problem.ArcRoute[a];
            if (routeOf[n] >= 0)
                priced.Add(n);
            scale = Math.Max(scale, Math.Abs(cost[n]));
        }
        baseCost = (double[])cost.Clone();
        pricedArcs = [.. priced];
        demandNodes = [.. demandNode.Select(pair => (pair.Key, pair.Value))];
        simplex = new NetworkSimplex(nodes, from, to, cost, bounds, supply, scale);
    }

    /// <summary>Each arc over a route costs its own cost plus the route's price (prices ≥ 0).</summary>
    public void Price(double[] routePrice)
    {
        foreach (var n in pricedArcs)
            simplex.SetCost(n, baseCost[n] + routePrice[routeOf[n]]);
    }

    /// <summary>Re-optimises and gives the priced cost of the optimum.</summary>
    public double Solve()
    {
        simplex.Solve();
        return simplex.TotalCost();
    }

    /// <summary>
    /// Writes each plan arc's reduced cost at the current optimum into <paramref name="reduced"/>:
    /// its priced cost less what the optimum's node potentials say a unit is worth there (zero on
    /// the arcs of its tree, below zero on arcs full at their bound).
    /// </summary>
    public void ReducedCostsTo(double[] reduced)
    {
        for (var n = rootArcs; n < arcOf.Length; n++)
            reduced[arcOf[n]] = simplex.ReducedCost(n);
    }

    /// <summary>Writes each need's price at the current optimum (its node's potential, at least 0) into <paramref name="price"/>.</summary>
    public void NeedPricesTo(double[] price)
    {
        foreach (var (d, node) in demandNodes)
            price[d] = Math.Max(0, simplex.Potential(node));
    }

    /// <summary>Adds what the current optimum ships over each route to <paramref name="load"/>.</summary>
    public void AddRouteLoads(double[] load)
    {
        foreach (var n in pricedArcs)
            load[routeOf[n]] += simplex.Flow(n);
    }

    /// <summary>Adds <paramref name="weight"/> times what the current optimum ships along each of its plan arcs to <paramref name="sum"/>.</summary>
    public void AddTo(double[] sum, double weight)
    {
        for (var n = rootArcs; n < arcOf.Length; n++)
            if (simplex.Flow(n) is var x and > 0)
                sum[arcOf[n]] += weight * x;
    }

    /// <summary>Writes what the current optimum ships along each of its plan arcs into <paramref name="quantity"/>.</summary>
    public void CopyTo(double[] quantity)
    {
        for (var n = rootArcs; n < arcOf.Length; n++)
            quantity[arcOf[n]] = simplex.Flow(n);
    }
}
