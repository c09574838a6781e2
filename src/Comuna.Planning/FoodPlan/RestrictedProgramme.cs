using Google.OrTools.LinearSolver;

namespace Comuna.Planning.FoodPlan;

/// <summary>
/// The restricted programme, kept alive from round to round: a row per supply and per need
/// from the start, a column per arc and a row per full route as they join. GLOP, without its
/// presolve and scaling (which would rewrite the programme each time), sees that the only
/// change since its last solve is new columns (primal simplex from the last basis) or new rows
/// (dual simplex from the last basis), and carries on from where it stopped.
/// </summary>
/// <remarks>
/// CLP keeps neither a time limit nor an interrupt inside one solve, and its interior point on a
/// national-size programme runs for the better part of an hour. So that a plan still ends at its
/// time limit (or at a cancel), that solve runs on a thread of its own: when the limit comes
/// first the programme is abandoned to it, answers no more, and the thread frees the model when
/// CLP returns (or dies with the process, as at the end of <c>comuna plan</c>).
/// </remarks>
internal sealed class RestrictedProgramme : IDisposable
{
    private readonly PlanProblem problem;
    private readonly double[] cost;
    private readonly double[] demand;
    private readonly double[] capacity;
    private readonly bool[] hasSource;
    private readonly bool[] hasDemand;
    private readonly Constraint?[] supplyRow;
    private readonly Constraint?[] demandRow;
    private readonly Constraint?[] routeRow;
    private readonly List<int>?[] routeColumns;
    private readonly List<Variable> variables = [];
    private readonly string solverId;
    private readonly string? parameters;
    private readonly bool isGlop;
    private readonly bool barrier;
    private readonly Lock running = new();
    private Solver solver;
    private Objective objective;
    private bool solving;
    private bool abandoned;

    public RestrictedProgramme(string solverId, bool barrier, string? parameters, PlanProblem problem, bool[] useful, double[] cost, double[] demand, double[] capacity)
    {
        this.solverId = solverId;
        this.parameters = parameters;
        this.problem = problem;
        this.cost = cost;
        this.demand = demand;
        this.capacity = capacity;
        isGlop = string.Equals(solverId, "GLOP", StringComparison.OrdinalIgnoreCase);
        this.barrier = barrier && string.Equals(solverId, "CLP", StringComparison.OrdinalIgnoreCase);
        supplyRow = new Constraint?[problem.SourceCount];
        demandRow = new Constraint?[problem.DemandCount];
        routeRow = new Constraint?[problem.RouteCount];
        routeColumns = new List<int>?[problem.RouteCount];
        hasSource = new bool[problem.SourceCount];
        hasDemand = new bool[problem.DemandCount];
        for (var a = 0; a < problem.ArcCount; a++)
        {
            if (!useful[a])
                continue;
            hasSource[problem.ArcSource[a]] = true;
            hasDemand[problem.ArcDemand[a]] = true;
        }
        (solver, objective) = Load();
    }

    /// <summary>A new model with every row and column so far: the solver starts afresh, with its own presolve and crash.</summary>
    public void Rebuild()
    {
        solver.Dispose();
        (solver, objective) = Load();
    }

    private (Solver, Objective) Load()
    {
        var fresh = Solver.CreateSolver(solverId) ?? throw new InvalidOperationException($"OR-Tools has no {solverId}.");
        var goal = fresh.Objective();
        goal.SetMinimization();
        for (var s = 0; s < hasSource.Length; s++)
            if (hasSource[s] && double.IsFinite(problem.SourceSupply[s]))
                supplyRow[s] = fresh.MakeConstraint(double.NegativeInfinity, problem.SourceSupply[s], "");
        for (var d = 0; d < hasDemand.Length; d++)
            if (hasDemand[d])
                demandRow[d] = fresh.MakeConstraint(double.NegativeInfinity, demand[d], "");
        for (var r = 0; r < routeRow.Length; r++)
            if (routeRow[r] is not null)
                routeRow[r] = fresh.MakeConstraint(double.NegativeInfinity, capacity[r], "");
        for (var i = 0; i < Columns.Count; i++)
            variables[i] = Column(fresh, goal, Columns[i]);
        return (fresh, goal);
    }

    private Variable Column(Solver model, Objective goal, int a)
    {
        var v = model.MakeNumVar(0, double.PositiveInfinity, "");
        goal.SetCoefficient(v, cost[a]);
        supplyRow[problem.ArcSource[a]]?.SetCoefficient(v, 1);
        demandRow[problem.ArcDemand[a]]!.SetCoefficient(v, 1);
        var r = problem.ArcRoute[a];
        if (r >= 0)
            routeRow[r]?.SetCoefficient(v, 1);
        return v;
    }

    public List<int> Columns { get; } = [];

    public int CapacityRows { get; private set; }

    public int Iterations { get; private set; }

    public bool HasRow(int route) => routeRow[route] is not null;

    /// <summary>Whether every solve is afresh by the interior point (<see cref="Options.Barrier"/>), which only CLP offers.</summary>
    public bool IsBarrier => barrier;

    public void AddColumn(int a)
    {
        var r = problem.ArcRoute[a];
        if (r >= 0)
            (routeColumns[r] ??= []).Add(variables.Count);
        variables.Add(Column(solver, objective, a));
        Columns.Add(a);
    }

    public void AddRouteRow(int r)
    {
        var row = solver.MakeConstraint(double.NegativeInfinity, capacity[r], "");
        foreach (var i in routeColumns[r] ?? [])
            row.SetCoefficient(variables[i], 1);
        routeRow[r] = row;
        CapacityRows++;
    }

    /// <summary>
    /// Solves from the last basis (or afresh by the interior point, with <see cref="IsBarrier"/>)
    /// and reads quantities and duals (≤ 0 in this minimising form). A cancellation interrupts
    /// GLOP in the middle of its solve; CLP's simplex cannot be interrupted and finishes its solve
    /// first, and its interior point is abandoned at the time limit or the cancel (false).
    /// </summary>
    public bool Solve(TimeSpan timeLeft, bool dual, CancellationToken cancellation, double[] quantity, double[] ySource, double[] yDemand, double[] yRoute, out double objectiveValue)
    {
        ObjectDisposedException.ThrowIf(abandoned, this);
        solver.SetTimeLimit(Math.Max(1000, (long)timeLeft.TotalMilliseconds));
        var text = isGlop
            ? $"use_preprocessing: false use_scaling: false use_dual_simplex: {(dual ? "true" : "false")} {parameters}"
            : parameters;
        if (text is not null && !solver.SetSolverSpecificParametersAsString(text))
            throw new ArgumentException($"{solverId} refuses the parameters \"{text}\".", nameof(parameters));
        Solver.ResultStatus status;
        if (barrier)
        {
            if (SolveByInteriorPoint(timeLeft, cancellation) is not { } finished)
            {
                objectiveValue = double.NaN;
                return false;
            }
            status = finished;
        }
        else
        {
            using (cancellation.Register(() => solver.InterruptSolve()))
                status = solver.Solve();
        }
        Iterations = (int)Math.Min(int.MaxValue, solver.Iterations());
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            objectiveValue = double.NaN;
            return false;
        }
        objectiveValue = objective.Value();
        for (var i = 0; i < Columns.Count; i++)
            quantity[Columns[i]] = Math.Max(0, variables[i].SolutionValue());
        for (var s = 0; s < ySource.Length; s++)
            ySource[s] = supplyRow[s]?.DualValue() ?? 0;
        for (var d = 0; d < yDemand.Length; d++)
            yDemand[d] = demandRow[d]?.DualValue() ?? 0;
        for (var r = 0; r < yRoute.Length; r++)
            yRoute[r] = routeRow[r]?.DualValue() ?? 0;
        // Solvers differ in the sign they give duals: the right one prices the used arcs at zero.
        double asGiven = 0, negated = 0;
        foreach (var a in Columns)
        {
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
    /// CLP's interior point on a thread of its own, waited for until <paramref name="timeLeft"/>
    /// (at least a second, as the simplex's limit) or the cancel: null when the programme was
    /// abandoned to a solve still running.
    /// </summary>
    private Solver.ResultStatus? SolveByInteriorPoint(TimeSpan timeLeft, CancellationToken cancellation)
    {
        var model = solver;
        var status = Solver.ResultStatus.NOT_SOLVED;
        using var returned = new ManualResetEventSlim();
        var thread = new Thread(() =>
        {
            using (var algorithm = new MPSolverParameters())
            {
                algorithm.SetIntegerParam(MPSolverParameters.IntegerParam.LP_ALGORITHM, (int)MPSolverParameters.LpAlgorithmValues.BARRIER);
                status = model.Solve(algorithm);
            }
            lock (running)
            {
                solving = false;
                if (abandoned)
                    model.Dispose();
                else
                    returned.Set();
            }
        })
        {
            IsBackground = true,
            Name = "CLP interior point",
        };
        lock (running)
            solving = true;
        thread.Start();
        WaitHandle.WaitAny([returned.WaitHandle, cancellation.WaitHandle], timeLeft < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : timeLeft);
        lock (running)
        {
            if (!solving)
                return status;
            abandoned = true;
            return null;
        }
    }

    /// <summary>Whether the last solve was left to run past the time limit or a cancel (the programme answers no more).</summary>
    public bool Abandoned => abandoned;

    public void Dispose()
    {
        lock (running)
        {
            // An abandoned solve still reads the model: its thread frees it.
            if (!solving)
                solver.Dispose();
        }
    }
}
