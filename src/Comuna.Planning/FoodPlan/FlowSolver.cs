using System.Diagnostics;
using Google.OrTools.LinearSolver;

namespace Comuna.Planning.FoodPlan;

/// <summary>What the flow solver found: a quantity per arc, its objective and a proven lower bound.</summary>
public sealed record FlowSolution(
    string Status,
    double[] Quantity,
    double Objective,
    double Bound,
    int Rounds,
    int Columns,
    int CapacityRows,
    double Seconds);

/// <summary>How far a solve has come after a round: the objective of its current plan and the proven bound (saving form).</summary>
public sealed record FlowProgress(int Round, double Objective, double Bound, double Seconds);

/// <summary>
/// Solves the plan's linear programme by column and row generation. The programme is a
/// transportation problem per product, coupled only by the routes' shared capacity; most of its
/// arcs are never worth using and most routes never fill. So a restricted programme holds only the
/// promising arcs (the cheapest few of every supply and every need) and capacity rows only for
/// routes found overloaded (the first ones from each product's uncapacitated min-cost flow); GLOP
/// solves it afresh each round, and its duals —
/// a potential per supply and per need, a price per full route — price every arc of the full
/// programme. Arcs that would lower the objective join, overloaded routes get their row, and the
/// loop ends when there is none: then the restricted optimum is optimal for the full programme.
/// </summary>
/// <remarks>
/// In "saving" form: maximise Σ profit·x, with profit = unmet penalty (+ spoiled penalty for a
/// lot) − cost, subject to supply, need and route rows; GLOP minimises −profit. The bound is the
/// Lagrangian one given by the duals of the last round, valid at every round:
/// <c>const + Σ y·b + Σ min(0, reduced cost)·upper(x)</c>, which meets the objective at the optimum.
/// </remarks>
public static class FlowSolver
{
    public sealed record Options
    {
        /// <summary>Arcs per supply and per need in the first restricted programme.</summary>
        public int InitialPerNode { get; init; } = 2;

        public int MaxRounds { get; init; } = 500;

        public TimeSpan TimeLimit { get; init; } = TimeSpan.FromMinutes(10);

        /// <summary>The OR-Tools solver of the restricted programme: GLOP, CLP or HIGHS (dual simplex).</summary>
        public string MasterSolver { get; init; } = "GLOP";

        /// <summary>Parameters for the master solver in its own text format (e.g. GLOP's <c>use_dual_simplex: true</c>).</summary>
        public string? MasterParameters { get; init; }

        /// <summary>Where to say how each round went (the benchmark's <c>--verbose</c>).</summary>
        public Action<string>? Log { get; init; }

        /// <summary>Told after every round how far the solve has come (the plan page's progress indicator).</summary>
        public Action<FlowProgress>? Progress { get; init; }
    }

    /// <summary>
    /// Each product's best plan if routes had no capacity: a min-cost flow per product (OR-Tools'
    /// network simplex, quantities in thousandths), two products at a time.
    /// </summary>
    private static double[] UncapacitatedFlows(PlanProblem problem, bool[] useful, double[] cost, double[] upper, double[] demand)
    {
        var byProduct = new List<int>[problem.ProductIds.Length];
        for (var p = 0; p < byProduct.Length; p++)
            byProduct[p] = [];
        for (var a = 0; a < problem.ArcCount; a++)
            if (useful[a])
                byProduct[problem.SourceProduct[problem.ArcSource[a]]].Add(a);
        var flow = new double[problem.ArcCount];
        const double unit = 1000;
        // A heuristic start only: huge quantities or costs are clamped rather than overflowing.
        static long Whole(double value) => (long)Math.Clamp(Math.Round(value), -1e15, 1e15);
        Parallel.For(0, byProduct.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, p =>
        {
            try
            {
                ProductFlow(byProduct[p]);
            }
            catch (OverflowException)
            {
                // Quantities beyond 10^12 units: start this product from the cheapest arcs alone.
            }
        });
        return flow;

        void ProductFlow(List<int> productArcs)
        {
            if (productArcs.Count == 0)
                return;
            var node = new Dictionary<(bool Demand, int Index), int>();
            int Node(bool isDemand, int index)
            {
                if (!node.TryGetValue((isDemand, index), out var n))
                    node[(isDemand, index)] = n = node.Count + 1; // 0 is the sink
                return n;
            }
            using var network = new Google.OrTools.Graph.MinCostFlow();
            var arcOf = new int[productArcs.Count];
            for (var i = 0; i < productArcs.Count; i++)
            {
                var a = productArcs[i];
                arcOf[i] = network.AddArcWithCapacityAndUnitCost(Node(false, problem.ArcSource[a]), Node(true, problem.ArcDemand[a]),
                    Whole(Math.Floor(upper[a] * unit)), Whole(cost[a] * 1000));
            }
            var needTotal = 0L;
            foreach (var ((isDemand, index), n) in node)
            {
                if (!isDemand)
                    continue;
                var need = Whole(Math.Floor(demand[index] * unit));
                needTotal += need;
                network.AddArcWithCapacityAndUnitCost(n, 0, need, 0);
            }
            var supplyTotal = 0L;
            foreach (var ((isDemand, index), n) in node)
            {
                if (isDemand)
                    continue;
                var supply = Whole(Math.Floor(Math.Min(problem.SourceSupply[index], needTotal / unit) * unit));
                supplyTotal += supply;
                network.SetNodeSupply(n, supply);
                network.AddArcWithCapacityAndUnitCost(n, 0, supply, 0); // left where it is
            }
            network.SetNodeSupply(0, -supplyTotal);
            if (network.Solve() != Google.OrTools.Graph.MinCostFlowBase.Status.OPTIMAL)
                return;
            for (var i = 0; i < productArcs.Count; i++)
                flow[productArcs[i]] = network.Flow(arcOf[i]) / unit;
        }
    }

    /// <summary>
    /// Solves the restricted programme afresh with GLOP (its own presolve and crash basis beat a
    /// warm start here) and reads quantities and duals (≤ 0 in this minimising form).
    /// </summary>
    private static bool SolveRestricted(string solverId, string? solverParameters, TimeSpan timeLeft, PlanProblem problem, List<int> columns, bool[] rowActive, double[] cost, double[] demand, double[] capacity,
        double[] quantity, double[] ySource, double[] yDemand, double[] yRoute, out double objectiveValue)
    {
        using var solver = Solver.CreateSolver(solverId) ?? throw new InvalidOperationException($"OR-Tools has no {solverId}.");
        var objective = solver.Objective();
        objective.SetMinimization();
        var supplyRow = new Dictionary<int, Constraint>();
        var demandRow = new Dictionary<int, Constraint>();
        var routeRow = new Dictionary<int, Constraint>();
        var variables = new Variable[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var a = columns[i];
            var v = solver.MakeNumVar(0, double.PositiveInfinity, "");
            variables[i] = v;
            objective.SetCoefficient(v, cost[a]);
            var s = problem.ArcSource[a];
            if (double.IsFinite(problem.SourceSupply[s]))
            {
                if (!supplyRow.TryGetValue(s, out var row))
                    supplyRow[s] = row = solver.MakeConstraint(double.NegativeInfinity, problem.SourceSupply[s], "");
                row.SetCoefficient(v, 1);
            }
            var d = problem.ArcDemand[a];
            if (!demandRow.TryGetValue(d, out var need))
                demandRow[d] = need = solver.MakeConstraint(double.NegativeInfinity, demand[d], "");
            need.SetCoefficient(v, 1);
            var r = problem.ArcRoute[a];
            if (r >= 0 && rowActive[r])
            {
                if (!routeRow.TryGetValue(r, out var route))
                    routeRow[r] = route = solver.MakeConstraint(double.NegativeInfinity, capacity[r], "");
                route.SetCoefficient(v, 1);
            }
        }
        solver.SetTimeLimit(Math.Max(1000, (long)timeLeft.TotalMilliseconds));
        if (solverParameters is not null && !solver.SetSolverSpecificParametersAsString(solverParameters))
            throw new ArgumentException($"{solverId} refuses the parameters \"{solverParameters}\".", nameof(solverParameters));
        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            objectiveValue = double.NaN;
            return false;
        }
        objectiveValue = objective.Value();
        for (var i = 0; i < columns.Count; i++)
            quantity[columns[i]] = Math.Max(0, variables[i].SolutionValue());
        Array.Clear(ySource);
        Array.Clear(yDemand);
        Array.Clear(yRoute);
        foreach (var (s, row) in supplyRow)
            ySource[s] = row.DualValue();
        foreach (var (d, row) in demandRow)
            yDemand[d] = row.DualValue();
        foreach (var (r, row) in routeRow)
            yRoute[r] = row.DualValue();
        // Solvers differ in the sign they give duals: the right one prices the used arcs at zero.
        double asGiven = 0, negated = 0;
        for (var i = 0; i < columns.Count; i++)
        {
            var a = columns[i];
            if (quantity[a] <= 0)
                continue;
            var r = problem.ArcRoute[a];
            var y = ySource[problem.ArcSource[a]] + yDemand[problem.ArcDemand[a]] + (r >= 0 ? yRoute[r] : 0);
            asGiven += Math.Abs(cost[a] - y);
            negated += Math.Abs(cost[a] + y);
        }
        var sign = negated < asGiven ? -1.0 : 1.0;
        for (var s = 0; s < ySource.Length; s++)
            ySource[s] = Math.Min(0, sign * ySource[s]);
        for (var d = 0; d < yDemand.Length; d++)
            yDemand[d] = Math.Min(0, sign * yDemand[d]);
        for (var r = 0; r < yRoute.Length; r++)
            yRoute[r] = Math.Min(0, sign * yRoute[r]);
        return true;
    }

    /// <summary>
    /// Plans the supplies that <paramref name="enabled"/> allows against <paramref name="demand"/>
    /// (per need) and <paramref name="capacity"/> (per route). The objective returned is the
    /// saving form's: <c>−Σ profit·x</c> (add <see cref="PlanProblem.ConstantObjective"/>).
    /// </summary>
    public static FlowSolution Solve(PlanProblem problem, bool[] enabled, double[] demand, double[] capacity, Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= new Options();
        var clock = Stopwatch.StartNew();
        var arcs = problem.ArcCount;
        var cost = new double[arcs];   // −profit; 0 marks an arc never worth using
        var upper = new double[arcs];
        var useful = new bool[arcs];
        var scale = 1.0;
        for (var a = 0; a < arcs; a++)
        {
            var s = problem.ArcSource[a];
            var d = problem.ArcDemand[a];
            var r = problem.ArcRoute[a];
            if (!enabled[s])
                continue;
            var profit = problem.ArcProfit(a);
            var ub = Math.Min(problem.SourceSupply[s], demand[d]);
            if (r >= 0)
                ub = Math.Min(ub, capacity[r]);
            if (profit <= 0 || ub <= 0)
                continue;
            useful[a] = true;
            cost[a] = -profit;
            upper[a] = ub;
            scale = Math.Max(scale, profit);
        }
        var tolerance = 1e-9 * scale;

        var inMaster = new bool[arcs];
        var columns = new List<int>();
        var routeColumns = new List<int>?[problem.RouteCount];
        var rowActive = new bool[problem.RouteCount];
        var capacityRows = 0;

        void AddColumn(int a)
        {
            inMaster[a] = true;
            columns.Add(a);
            if (problem.ArcRoute[a] >= 0)
                (routeColumns[problem.ArcRoute[a]] ??= []).Add(a);
        }

        // The first restricted programme: the cheapest few arcs of every supply and every need.
        var bySource = new List<int>?[problem.SourceCount];
        var byDemand = new List<int>?[problem.DemandCount];
        for (var a = 0; a < arcs; a++)
        {
            if (!useful[a])
                continue;
            (bySource[problem.ArcSource[a]] ??= []).Add(a);
            (byDemand[problem.ArcDemand[a]] ??= []).Add(a);
        }
        foreach (var list in bySource.Concat(byDemand))
        {
            if (list is null)
                continue;
            list.Sort((x, y) => cost[x].CompareTo(cost[y]));
            foreach (var a in list.Take(options.InitialPerNode))
                if (!inMaster[a])
                    AddColumn(a);
        }

        // And the arcs each product would use if no route were full (one network flow per
        // product), with rows for the routes those flows overload.
        var uncapacitated = UncapacitatedFlows(problem, useful, cost, upper, demand);
        var potential = new double[problem.RouteCount];
        for (var a = 0; a < arcs; a++)
        {
            if (uncapacitated[a] <= 0)
                continue;
            if (!inMaster[a])
                AddColumn(a);
            if (problem.ArcRoute[a] >= 0)
                potential[problem.ArcRoute[a]] += uncapacitated[a];
        }
        for (var r = 0; r < potential.Length; r++)
        {
            if (routeColumns[r] is not null && potential[r] > capacity[r] * (1 + 1e-9))
            {
                rowActive[r] = true;
                capacityRows++;
            }
        }
        options.Log?.Invoke($"start: {columns.Count} columns, {capacityRows} routes overloaded by the uncapacitated flows, at {clock.Elapsed.TotalSeconds:F2} s");

        var quantity = new double[arcs];
        var ySource = new double[problem.SourceCount];
        var yDemand = new double[problem.DemandCount];
        var yRoute = new double[problem.RouteCount];
        var load = new double[problem.RouteCount];
        var bestDemand = new int[problem.DemandCount];
        var bestSource = new int[problem.SourceCount];
        var bestDemandCost = new double[problem.DemandCount];
        var bestSourceCost = new double[problem.SourceCount];
        var rounds = 0;
        var status = "not-solved";
        double primal = 0, bound = double.NegativeInfinity;

        while (true)
        {
            rounds++;
            if (columns.Count == 0)
            {
                status = "optimal";
                primal = 0;
                bound = 0;
                break;
            }
            var solveStart = clock.Elapsed.TotalSeconds;
            if (!SolveRestricted(options.MasterSolver, options.MasterParameters, options.TimeLimit - clock.Elapsed, problem, columns, rowActive, cost, demand, capacity, quantity, ySource, yDemand, yRoute, out var solved))
            {
                status = clock.Elapsed >= options.TimeLimit ? "time-limit" : "error";
                break;
            }
            primal = solved;
            var solveSeconds = clock.Elapsed.TotalSeconds - solveStart;
            Array.Clear(load);
            foreach (var a in columns)
                if (problem.ArcRoute[a] >= 0)
                    load[problem.ArcRoute[a]] += quantity[a];
            double dualObjective = 0;
            for (var s = 0; s < ySource.Length; s++)
                if (ySource[s] != 0)
                    dualObjective += ySource[s] * problem.SourceSupply[s];
            for (var d = 0; d < yDemand.Length; d++)
                dualObjective += yDemand[d] * demand[d];
            for (var r = 0; r < yRoute.Length; r++)
                if (yRoute[r] != 0)
                    dualObjective += yRoute[r] * capacity[r];

            // Rows: routes the restricted optimum overloads.
            var overloaded = 0;
            for (var r = 0; r < load.Length; r++)
            {
                if (!rowActive[r] && load[r] > capacity[r] * (1 + 1e-9) + 1e-9)
                {
                    rowActive[r] = true;
                    capacityRows++;
                    overloaded++;
                }
            }

            // Columns: price every arc with the duals; the Lagrangian bound comes with it.
            Array.Fill(bestDemand, -1);
            Array.Fill(bestSource, -1);
            double lagrangian = dualObjective;
            for (var a = 0; a < arcs; a++)
            {
                if (!useful[a])
                    continue;
                var s = problem.ArcSource[a];
                var d = problem.ArcDemand[a];
                var r = problem.ArcRoute[a];
                var reduced = cost[a] - ySource[s] - yDemand[d] - (r >= 0 ? yRoute[r] : 0);
                if (reduced >= 0)
                    continue;
                lagrangian += reduced * upper[a];
                if (inMaster[a] || reduced > -tolerance)
                    continue;
                if (bestDemand[d] < 0 || reduced < bestDemandCost[d])
                {
                    bestDemand[d] = a;
                    bestDemandCost[d] = reduced;
                }
                if (bestSource[s] < 0 || reduced < bestSourceCost[s])
                {
                    bestSource[s] = a;
                    bestSourceCost[s] = reduced;
                }
            }
            bound = Math.Max(bound, lagrangian);
            var added = 0;
            foreach (var a in bestDemand.Concat(bestSource))
            {
                if (a >= 0 && !inMaster[a])
                {
                    AddColumn(a);
                    added++;
                }
            }
            options.Log?.Invoke(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"round {rounds}: {columns.Count} columns, {capacityRows} capacity rows, GLOP {solveSeconds:F2} s, at {clock.Elapsed.TotalSeconds:F2} s; +{added} arcs, +{overloaded} rows; objective {primal:R}, bound {bound:R}"));
            options.Progress?.Invoke(new FlowProgress(rounds, primal, bound, clock.Elapsed.TotalSeconds));
            if (added == 0 && overloaded == 0)
            {
                status = "optimal";
                break;
            }
            if (rounds >= options.MaxRounds || clock.Elapsed > options.TimeLimit)
            {
                status = overloaded == 0 ? "feasible" : "not-converged";
                break;
            }
        }

        if (status != "optimal")
        {
            // Stopped short: the last restricted optimum may overload routes whose rows came after
            // it; scale those routes' shipments down to capacity so that the plan is still a plan.
            Array.Clear(load);
            for (var a = 0; a < arcs; a++)
                if (quantity[a] > 0 && problem.ArcRoute[a] >= 0)
                    load[problem.ArcRoute[a]] += quantity[a];
            primal = 0;
            for (var a = 0; a < arcs; a++)
            {
                var r = problem.ArcRoute[a];
                if (r >= 0 && load[r] > capacity[r])
                    quantity[a] *= capacity[r] / load[r];
                primal += cost[a] * quantity[a];
            }
        }
        return new FlowSolution(status, quantity, primal, double.IsFinite(bound) ? Math.Min(bound, primal) : double.NegativeInfinity,
            rounds, columns.Count, capacityRows, clock.Elapsed.TotalSeconds);
    }
}
