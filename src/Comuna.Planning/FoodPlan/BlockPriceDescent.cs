namespace Comuna.Planning.FoodPlan;

/// <summary>
/// Raises the Lagrangian bound that the route prices' climb (<see cref="RoutePriceAscent"/>) left,
/// by pricing the programme's rows one family at a time. The rows come in three families —
/// supplies, needs and routes — and with any one of them priced the programme falls apart into
/// small networks solved exactly: per product with the routes priced (<see cref="ProductFlows"/>),
/// per supplying place with the needs priced (its lots and imports to its routes), per receiving
/// place with the supplies priced (the routes into it to its needs). Each optimum's node
/// potentials price the other two families, so the turns go round: products → supplying places →
/// receiving places → products. Every turn keeps the prices of one family and chooses the best
/// prices of the other two for it, so no turn lowers the bound (block coordinate descent on the
/// programme's dual).
/// </summary>
/// <remarks>
/// The subgradient climb moves the route prices alone and stalls where the products' optima swing
/// between sets of full routes; a turn here moves the need and supply prices with them, which the
/// climb cannot. On the benchmark's national instance, two rounds from zero prices (1.5 s) raise
/// the bound by 1.54 million, 99 % of what the climb's first 100 steps (about 35 s) raise it; three
/// rounds from the prices of those 100 steps raise it by 76,000 more, three times what the climb's
/// remaining 172 steps gain (24,000). Then the bound rests where no one family can move it alone.
/// The places' networks are small (a producing commune's 40 lots to its 30 routes), so a round
/// costs a few climb steps.
/// </remarks>
internal sealed class BlockPriceDescent
{
    private readonly PlanProblem problem;
    private readonly FlowArcs arcs;
    private readonly double[] demand;
    private readonly double[] capacity;
    private readonly int[][] fromPlace;
    private readonly int[][] toPlace;
    private readonly double[] supply;
    private readonly double[] reachOfSource;
    private readonly double[] routeCapacity;

    /// <summary>What the descent reached: the best bound, the route prices that prove it (the products' bound there), and its rounds.</summary>
    public sealed record Outcome(double Bound, double[] RoutePrices, int Rounds);

    public BlockPriceDescent(PlanProblem problem, FlowArcs arcs, double[] demand, double[] capacity)
    {
        this.problem = problem;
        this.arcs = arcs;
        this.demand = demand;
        this.capacity = capacity;
        var from = new List<int>[problem.PlaceIds.Length];
        var to = new List<int>[problem.PlaceIds.Length];
        reachOfSource = new double[problem.SourceCount];
        var reachOfRoute = new double[problem.RouteCount];
        for (var a = 0; a < problem.ArcCount; a++)
        {
            if (!arcs.Useful[a])
                continue;
            (from[problem.SourcePlace[problem.ArcSource[a]]] ??= []).Add(a);
            (to[problem.DemandPlace[problem.ArcDemand[a]]] ??= []).Add(a);
            reachOfSource[problem.ArcSource[a]] += arcs.Upper[a];
            if (problem.ArcRoute[a] >= 0)
                reachOfRoute[problem.ArcRoute[a]] += arcs.Upper[a];
        }
        fromPlace = [.. from.Where(list => list is not null).Select(list => list.ToArray())];
        toPlace = [.. to.Where(list => list is not null).Select(list => list.ToArray())];
        // What a supply or a route can ever send is also bounded by what its arcs can carry (an
        // import's capacity may be unlimited), which keeps every place's network finite.
        supply = new double[problem.SourceCount];
        for (var s = 0; s < supply.Length; s++)
            supply[s] = Math.Min(problem.SourceSupply[s], reachOfSource[s]);
        routeCapacity = new double[problem.RouteCount];
        for (var r = 0; r < routeCapacity.Length; r++)
            routeCapacity[r] = Math.Min(capacity[r], reachOfRoute[r]);
    }

    /// <summary>
    /// Goes round from where <paramref name="products"/> were last solved (at the route prices
    /// that proved <paramref name="bound"/>) until a round raises the bound by less than
    /// <paramref name="leastGain"/>, <paramref name="rounds"/> rounds have gone, or
    /// <paramref name="stop"/> says so; leaves the products solved at the last route prices it
    /// tried. <paramref name="threads"/> places are solved at once.
    /// </summary>
    public Outcome Descend(ProductFlows products, double[] routePrices, double bound, int rounds, double leastGain, int threads, Func<bool> stop, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(stop);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellation };
        var prices = routePrices;
        var round = 0;
        while (round < rounds && !stop())
        {
            round++;
            var newPrices = ReceivingPlaces(SupplyingPlaces(products.NeedPrices(), parallel), parallel);
            var value = products.Bound(newPrices);
            if (value <= bound)
                break; // a turn can keep or raise the bound, never lower it: this one only rounded
            var gain = value - bound;
            bound = value;
            prices = newPrices;
            if (gain < leastGain)
                break;
        }
        return new Outcome(bound, prices, round);
    }

    /// <summary>
    /// The needs priced: per supplying place, its supplies to its routes. Gives the supplies'
    /// prices at the optimum (its routes' prices go unused: the turn goes on to the receiving places).
    /// </summary>
    /// <remarks>
    /// Neither place's turn computes its own bound: each is at most the next one's, and the
    /// products' bound at the end of the round is the one the solve may claim.
    /// </remarks>
    private double[] SupplyingPlaces(double[] needPrice, ParallelOptions parallel)
    {
        var supplyPrice = new double[problem.SourceCount];
        Parallel.For(0, fromPlace.Length, parallel, f => SmallTransport.Solve(
            fromPlace[f],
            a => arcs.Cost[a] + needPrice[problem.ArcDemand[a]],
            a => arcs.Upper[a],
            new(a => problem.ArcSource[a], s => supply[s], (s, potential) => supplyPrice[s] = Math.Max(0, -potential)),
            new(a => problem.ArcRoute[a], r => r >= 0 ? capacity[r] : double.PositiveInfinity)));
        return supplyPrice;
    }

    /// <summary>The supplies priced: per receiving place, the routes into it (or the supply itself, for an arc without a route) to its needs. Gives the routes' prices at the optimum.</summary>
    private double[] ReceivingPlaces(double[] supplyPrice, ParallelOptions parallel)
    {
        var routePrice = new double[problem.RouteCount];
        // A sender is a route (its index) or, for a supply served at its own place, the supply (−1 − its index).
        Parallel.For(0, toPlace.Length, parallel, c => SmallTransport.Solve(
            toPlace[c],
            a => arcs.Cost[a] + supplyPrice[problem.ArcSource[a]],
            a => arcs.Upper[a],
            new(a => problem.ArcRoute[a] is var r and >= 0 ? r : -1 - problem.ArcSource[a],
                sender => sender >= 0 ? routeCapacity[sender] : reachOfSource[-1 - sender],
                (sender, potential) =>
                {
                    // A route without a capacity takes no price: the products' bound has no term for it.
                    if (sender >= 0 && double.IsFinite(capacity[sender]))
                        routePrice[sender] = Math.Max(0, -potential);
                }),
            new(a => problem.ArcDemand[a], d => demand[d])));
        return routePrice;
    }
}
