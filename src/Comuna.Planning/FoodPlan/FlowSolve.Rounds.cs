namespace Comuna.Planning.FoodPlan;

/// <summary>
/// The solve's LP rounds: the restricted programme solved, its duals pricing every arc of the
/// full programme and proving a bound, then the overloaded routes' rows and the arcs that pay
/// joining it, until there is neither or the best plan is proven.
/// </summary>
internal sealed partial class FlowSolve
{
    // The last restricted optimum and its duals.
    private readonly double[] quantity;
    private readonly double[] ySource;
    private readonly double[] yDemand;
    private readonly double[] yRoute;
    private readonly double[] load;
    private double primal;

    // How the simplex carries on: the first solve and every solve after new columns by the primal
    // simplex, after new rows alone by the dual; the interior point solves afresh each round.
    private bool dual;
    private bool rowsLast;
    private bool rebuilt = true;

    // The arcs that would lower the objective at the last duals, and how many joined per node.
    private readonly List<(double Reduced, int Arc)> candidates = [];
    private readonly int[] perSource;
    private readonly int[] perDemand;
    private readonly int pricedPerNode;

    /// <summary>The rounds, until the best plan is proven or the solve stops short; gives its status.</summary>
    private string SolveRounds()
    {
        // The route prices alone may have proven a plan, or used up the time.
        if (Gap(best.Objective) <= options.RelativeGap)
            return PlanStatus.Proven(Gap(best.Objective));
        if (clock.Elapsed > options.TimeLimit)
            return PlanStatus.TimeLimit;
        while (true)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            rounds++;
            if (master.Columns.Count == 0)
            {
                primal = 0;
                bound = 0;
                return PlanStatus.Optimal;
            }
            if (Round() is { } status)
                return status;
        }
    }

    /// <summary>One round: gives the solve's status if the solve ends with it, null if another round follows.</summary>
    private string? Round()
    {
        var solveStart = clock.Elapsed.TotalSeconds;
        bool returned;
        double solved;
        try
        {
            returned = master.Solve(options.TimeLimit - clock.Elapsed, dual, climbProved.Token, quantity, ySource, yDemand, yRoute, out solved);
        }
        finally
        {
            StopClimbing();
        }
        if (!returned)
            return Unreturned();
        primal = solved;
        var lastRebuilt = rebuilt;
        rebuilt = false;
        var solveSeconds = clock.Elapsed.TotalSeconds - solveStart;

        // Rows: routes the restricted optimum overloads.
        Array.Clear(load);
        foreach (var a in master.Columns)
            if (problem.ArcRoute[a] >= 0)
                load[problem.ArcRoute[a]] += quantity[a];
        var overloaded = new List<int>();
        for (var r = 0; r < load.Length; r++)
            if (!master.HasRow(r) && Overloaded(load[r], r))
                overloaded.Add(r);

        // Columns: price every arc with the duals; the bounds come with it.
        PriceArcs();
        var boundStart = clock.Elapsed.TotalSeconds;
        // A stronger bound, from the products' own networks priced at the master's route duals.
        for (var r = 0; r < yRoute.Length; r++)
            price[r] = -yRoute[r];
        bound = Math.Max(bound, products.Bound(price));
        var boundSeconds = clock.Elapsed.TotalSeconds - boundStart;

        OfferRestrictedOptimum(overloaded);
        var gap = Gap(best.Objective);
        if (gap <= options.RelativeGap)
        {
            options.Log?.Invoke(Text($"round {rounds}: {master.Columns.Count} columns, {master.CapacityRows} capacity rows, {options.MasterSolver} {solveSeconds:F2} s ({master.Iterations} iterations), products {boundSeconds:F2} s, at {clock.Elapsed.TotalSeconds:F2} s; plan {best.Objective:R}, bound {bound:R}: proven within {gap:E1}"));
            Report(rounds);
            return PlanStatus.Proven(gap);
        }

        var (added, rowsAdded) = Extend(overloaded);
        options.Log?.Invoke(Text(
            $"round {rounds}: {master.Columns.Count} columns, {master.CapacityRows} capacity rows, {options.MasterSolver} {solveSeconds:F2} s{(interior is not null ? " barrier" : lastRebuilt ? " afresh" : "")} ({master.Iterations} iterations), products {boundSeconds:F2} s, gap {gap:E1}, at {clock.Elapsed.TotalSeconds:F2} s; +{added} arcs, +{rowsAdded} rows ({overloaded.Count} overloaded); objective {primal:R}, bound {bound:R}"));
        Report(rounds);
        if (added == 0 && rowsAdded == 0)
        {
            // The simplex's restricted optimum is then the optimum; the interior point's is one
            // within its tolerance, and the proof is the gap: within 1e-6 of the whole objective
            // at the least.
            return interior is null ? PlanStatus.Optimal
                : gap <= Math.Max(options.RelativeGap, PlanStatus.OptimalGap) ? PlanStatus.Proven(gap)
                : PlanStatus.NotConverged;
        }
        if (rounds >= options.MaxRounds || clock.Elapsed > options.TimeLimit)
            return overloaded.Count == 0 ? PlanStatus.Feasible : PlanStatus.NotConverged;
        return null;
    }

    /// <summary>
    /// Why the master did not return, as the solve's status: the climb beside proved the plan,
    /// the time ran out, or its worker failed (the plan is then the best so far).
    /// </summary>
    private string Unreturned()
    {
        options.Cancellation.ThrowIfCancellationRequested();
        if (Gap(best.Objective) <= options.RelativeGap)
        {
            options.Log?.Invoke(Text($"round {rounds}: the climb beside proved the plan within {Gap(best.Objective):E1}; the interior point is stopped, at {clock.Elapsed.TotalSeconds:F2} s"));
            return PlanStatus.Proven(Gap(best.Objective));
        }
        var stopped = interior is { Stopped: true };
        if (stopped)
        {
            options.Log?.Invoke(Text($"round {rounds}: the interior point had not returned at {clock.Elapsed.TotalSeconds:F2} s; its worker stopped, the plan is the best so far"));
        }
        else if (interior?.Failure is { } failure)
        {
            options.Log?.Invoke(Text($"round {rounds}: {failure}; the plan is the best so far"));
            options.Warn?.Invoke(Text($"{failure}; the plan is the best found before it, not proven"));
        }
        return stopped || clock.Elapsed >= options.TimeLimit ? PlanStatus.TimeLimit : PlanStatus.Error;
    }

    /// <summary>
    /// Prices every arc at the master's duals: those outside it that would lower the objective
    /// become <see cref="candidates"/>, and the bound the duals prove,
    /// <c>Σ y·b + Σ min(0, reduced cost)·upper(x)</c>, raises the solve's.
    /// </summary>
    private void PriceArcs()
    {
        double lagrangian = 0;
        for (var s = 0; s < ySource.Length; s++)
            if (ySource[s] != 0)
                lagrangian += ySource[s] * problem.SourceSupply[s];
        for (var d = 0; d < yDemand.Length; d++)
            lagrangian += yDemand[d] * demand[d];
        for (var r = 0; r < yRoute.Length; r++)
            if (yRoute[r] != 0)
                lagrangian += yRoute[r] * capacity[r];

        candidates.Clear();
        for (var a = 0; a < problem.ArcCount; a++)
        {
            if (!useful[a])
                continue;
            var r = problem.ArcRoute[a];
            var reduced = cost[a] - ySource[problem.ArcSource[a]] - yDemand[problem.ArcDemand[a]] - (r >= 0 ? yRoute[r] : 0);
            if (reduced >= 0)
                continue;
            lagrangian += reduced * upper[a];
            if (!inMaster[a] && reduced <= -tolerance)
                candidates.Add((reduced, a));
        }
        bound = Math.Max(bound, lagrangian);
    }

    /// <summary>
    /// The restricted optimum becomes the best plan if it overloads no route; one that overloads
    /// few is repaired (<see cref="PlanRepair"/>) and offered so.
    /// </summary>
    private void OfferRestrictedOptimum(List<int> overloaded)
    {
        if (overloaded.Count == 0)
        {
            best.Offer(quantity, primal);
        }
        else if (overloaded.Count <= Math.Max(10, options.RepairOverloadedShare * problem.RouteCount)
            && PlanRepair.Repair(problem, flowArcs, demand, capacity, quantity, overloaded, options.MasterSolver, options.TimeLimit - clock.Elapsed) is var (repaired, repairedObjective))
        {
            best.Offer(repaired, repairedObjective);
            options.Log?.Invoke(Text($"round {rounds}: repaired the {overloaded.Count} overloaded routes: objective {repairedObjective:R}, gap {Gap(repairedObjective):E1}, at {clock.Elapsed.TotalSeconds:F2} s"));
        }
    }

    /// <summary>
    /// The overloaded routes' rows and the arcs priced in join the master; gives how many of each.
    /// GLOP carries on from its last basis only when one kind of change came in, so rounds
    /// alternate: rows (dual simplex from the last basis), then the columns priced after them
    /// (primal simplex from the last basis), while there are both. Past
    /// <see cref="FlowSolver.Options.RebuildAfterRows"/> new rows, and by the interior point
    /// (every solve afresh anyway), both come in together and the master starts afresh.
    /// </summary>
    private (int Added, int RowsAdded) Extend(List<int> overloaded)
    {
        if (interior is not null || overloaded.Count > options.RebuildAfterRows)
        {
            foreach (var r in overloaded)
                master.AddRouteRow(r);
            var added = AddPriced();
            master.Rebuild();
            rebuilt = true;
            dual = false;
            rowsLast = false;
            return (added, overloaded.Count);
        }
        if (overloaded.Count > 0 && (!rowsLast || candidates.Count == 0))
        {
            foreach (var r in overloaded)
                master.AddRouteRow(r);
            dual = true;
            rowsLast = true;
            return (0, overloaded.Count);
        }
        if (candidates.Count > 0)
        {
            var added = AddPriced();
            dual = false;
            rowsLast = false;
            return (added, 0);
        }
        return (0, 0);
    }

    /// <summary>The best few arcs of every supply and every need join, best first; gives how many joined.</summary>
    private int AddPriced()
    {
        candidates.Sort();
        Array.Clear(perSource);
        Array.Clear(perDemand);
        var joined = 0;
        foreach (var (_, a) in candidates)
        {
            var s = problem.ArcSource[a];
            var d = problem.ArcDemand[a];
            if (perSource[s] >= pricedPerNode && perDemand[d] >= pricedPerNode)
                continue;
            perSource[s]++;
            perDemand[d]++;
            AddColumn(a);
            joined++;
        }
        return joined;
    }
}
