namespace Comuna.Planning.FoodPlan;

/// <summary>
/// The restricted programme solved afresh each round by CLP's interior point
/// (<see cref="ClpInteriorPoint"/>), handed over whole as a column-wise matrix. Without a
/// crossover, each solve ends at an interior optimum: its duals price the arcs and the routes
/// as well as a basis's would, and once the plan is proven, <see cref="Vertex"/> turns it into a
/// vertex, which ships each lot over as few routes as it can.
/// </summary>
/// <remarks>
/// CLP keeps no interrupt and no limit on wall-clock time inside one solve, only one on CPU time,
/// and its interior point on a national-size programme runs for hours. So that a plan still ends
/// at its time limit, or at once when cancelled, each solve runs in a CLP worker process of its
/// own (<see cref="ClpProcess"/>), ended when the planner stops waiting for it.
/// </remarks>
internal sealed class InteriorPointProgramme(PlanProblem problem, bool[] useful, double[] cost, double[] demand, double[] capacity)
    : RestrictedProgramme(problem, useful, cost, demand, capacity)
{
    /// <summary>CLP's primal tolerance: a value within it of a bound is at the bound.</summary>
    private const double PrimalTolerance = 1e-7;

    /// <summary>Whether each solve ends with CLP's crossover to a basis (<see cref="FlowSolver.Options.Crossover"/>).</summary>
    public bool Crossover { get; init; }

    /// <summary>The most resident memory a worker may hold, in bytes (<see cref="FlowSolver.Options.WorkerMemory"/>).</summary>
    public long? WorkerMemory { get; init; }

    /// <summary>Whether a solve was stopped at the time limit or a cancel, before it returned.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Why the last solve's worker failed, if it did.</summary>
    public string? Failure { get; private set; }

    public override bool Solve(TimeSpan timeLeft, bool dual, CancellationToken cancellation, double[] quantity, double[] ySource, double[] yDemand, double[] yRoute, out double objectiveValue)
    {
        objectiveValue = double.NaN;
        var rows = new RowNumbers(this, Columns);
        var matrix = rows.Matrix();
        var how = Crossover ? ClpInteriorPoint.Method.BarrierAndCrossover : ClpInteriorPoint.Method.Barrier;
        if (Stoppable(matrix, how, null, timeLeft, cancellation) is not { Status: 0 } solution)
            return false;
        Iterations = solution.Iterations;
        objectiveValue = solution.Objective;
        for (var i = 0; i < Columns.Count; i++)
            quantity[Columns[i]] = Math.Max(0, solution.Columns[i]);
        rows.Read(solution.RowDuals, ySource, yDemand, yRoute);
        NormaliseDuals(quantity, ySource, yDemand, yRoute);
        return true;
    }

    /// <summary>
    /// A vertex of the optimal face through <paramref name="plan"/>, an optimum of this programme
    /// found by the interior point: CLP's primal simplex from it, over the arcs it uses. Null if
    /// CLP fails or the time runs out. An interior optimum spreads the food over every equally
    /// good route (nearly all the programme's arcs on the benchmark's regional instance); a
    /// vertex uses about half as many, and that is what the delivery orders should say. CLP leaves
    /// some nonbasic arcs at a hair above zero (below its primal tolerance, 1e-7); they ship
    /// nothing, and would each be a delivery order for nothing, so they are zero here. Every row
    /// is an upper bound, so shipping less never breaks one.
    /// </summary>
    public double[]? Vertex(double[] plan, TimeSpan timeLeft, CancellationToken cancellation)
    {
        var used = Columns.Where(a => plan[a] > 0).ToList();
        var matrix = new RowNumbers(this, used).Matrix();
        var from = used.Select(a => plan[a]).ToArray();
        if (Stoppable(matrix, ClpInteriorPoint.Method.PrimalFrom, from, timeLeft, cancellation) is not { Status: 0 } solution)
            return null;
        var vertex = new double[plan.Length];
        for (var i = 0; i < used.Count; i++)
            vertex[used[i]] = solution.Columns[i] > PrimalTolerance ? solution.Columns[i] : 0;
        return vertex;
    }

    /// <summary>
    /// Solves in a CLP worker and waits for it until <paramref name="timeLeft"/> (at least a
    /// second) or the cancel: null when it was stopped first. The worker is also given as many
    /// seconds of CPU time as every core could spend by then, a bound of its own should it ever
    /// outlive the wait.
    /// </summary>
    private ClpInteriorPoint.Solution? Stoppable(ClpInteriorPoint.Matrix matrix, ClpInteriorPoint.Method method, double[]? from, TimeSpan timeLeft, CancellationToken cancellation)
    {
        var wait = timeLeft < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : timeLeft;
        var cpuSeconds = wait.TotalSeconds * Environment.ProcessorCount;
        var solution = ClpProcess.Solve(new ClpWire.Request(method, cpuSeconds, matrix, from), wait, cancellation, memoryLimit: WorkerMemory);
        Stopped |= solution is null;
        Failure = solution?.Failure;
        return solution;
    }

    /// <summary>
    /// Rows numbered as CLP sees them (supplies, needs, then routes), only those that some of
    /// the given columns meet (an empty row leaves the interior point's normal equations
    /// singular), and the duals read back per row.
    /// </summary>
    private sealed class RowNumbers
    {
        private readonly InteriorPointProgramme programme;
        private readonly IReadOnlyList<int> columns;
        private readonly int[] supply;
        private readonly int[] need;
        private readonly int[] route;
        private int count;

        public RowNumbers(InteriorPointProgramme programme, IReadOnlyList<int> columns)
        {
            this.programme = programme;
            this.columns = columns;
            var p = programme.Problem;
            var metSupply = new bool[p.SourceCount];
            var metNeed = new bool[p.DemandCount];
            var metRoute = new bool[p.RouteCount];
            foreach (var a in columns)
            {
                metSupply[p.ArcSource[a]] = true;
                metNeed[p.ArcDemand[a]] = true;
                if (p.ArcRoute[a] >= 0)
                    metRoute[p.ArcRoute[a]] = true;
            }
            supply = Number(metSupply.Length, s => metSupply[s] && programme.SupplyHasRow[s]);
            need = Number(metNeed.Length, d => metNeed[d] && programme.NeedHasRow[d]);
            route = Number(metRoute.Length, r => metRoute[r] && programme.HasRow(r));
        }

        private int[] Number(int length, Func<int, bool> present)
        {
            var numbers = new int[length];
            for (var i = 0; i < length; i++)
                numbers[i] = present(i) ? count++ : -1;
            return numbers;
        }

        public ClpInteriorPoint.Matrix Matrix()
        {
            var p = programme.Problem;
            var start = new int[columns.Count + 1];
            var index = new List<int>(columns.Count * 3);
            var cost = new double[columns.Count];
            // Finite bounds keep the interior point's iterates from running off: no arc carries
            // more than its supply, its need or its route.
            var upper = new double[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                var a = columns[i];
                start[i] = index.Count;
                cost[i] = programme.Cost[a];
                if (supply[p.ArcSource[a]] >= 0)
                    index.Add(supply[p.ArcSource[a]]);
                index.Add(need[p.ArcDemand[a]]);
                var r = p.ArcRoute[a];
                if (r >= 0 && route[r] >= 0)
                    index.Add(route[r]);
                upper[i] = Math.Min(Math.Min(p.SourceSupply[p.ArcSource[a]], programme.Demand[p.ArcDemand[a]]), r >= 0 ? programme.Capacity[r] : double.PositiveInfinity);
            }
            start[columns.Count] = index.Count;
            var rowUpper = new double[count];
            for (var s = 0; s < supply.Length; s++)
                if (supply[s] >= 0)
                    rowUpper[supply[s]] = p.SourceSupply[s];
            for (var d = 0; d < need.Length; d++)
                if (need[d] >= 0)
                    rowUpper[need[d]] = programme.Demand[d];
            for (var r = 0; r < route.Length; r++)
                if (route[r] >= 0)
                    rowUpper[route[r]] = programme.Capacity[r];
            return new ClpInteriorPoint.Matrix(count, start, [.. index], cost, upper, rowUpper);
        }

        public void Read(double[] duals, double[] ySource, double[] yDemand, double[] yRoute)
        {
            for (var s = 0; s < supply.Length; s++)
                ySource[s] = supply[s] >= 0 ? duals[supply[s]] : 0;
            for (var d = 0; d < need.Length; d++)
                yDemand[d] = need[d] >= 0 ? duals[need[d]] : 0;
            for (var r = 0; r < route.Length; r++)
                yRoute[r] = route[r] >= 0 ? duals[route[r]] : 0;
        }
    }
}
