using Google.OrTools.LinearSolver;

namespace Comuna.Planning.FoodPlan;

/// <summary>
/// The restricted programme as one OR-Tools model kept alive from round to round. GLOP, without
/// its presolve and scaling (which would rewrite the programme each time), sees that the only
/// change since its last solve is new columns (primal simplex from the last basis) or new rows
/// (dual simplex from the last basis), and carries on from where it stopped; a cancel interrupts
/// it in the middle of a solve. CLP carries on from its last basis too, but cannot be interrupted.
/// </summary>
internal sealed class SimplexProgramme : RestrictedProgramme
{
    private readonly Constraint?[] supplyRow;
    private readonly Constraint?[] demandRow;
    private readonly Constraint?[] routeRow;
    private readonly List<int>?[] routeColumns;
    private readonly List<Variable> variables = [];
    private readonly string solverId;
    private readonly string? parameters;
    private readonly bool isGlop;
    private Solver solver;
    private Objective objective;

    public SimplexProgramme(string solverId, string? parameters, PlanProblem problem, bool[] useful, double[] cost, double[] demand, double[] capacity)
        : base(problem, useful, cost, demand, capacity)
    {
        this.solverId = solverId;
        this.parameters = parameters;
        isGlop = string.Equals(solverId, "GLOP", StringComparison.OrdinalIgnoreCase);
        supplyRow = new Constraint?[problem.SourceCount];
        demandRow = new Constraint?[problem.DemandCount];
        routeRow = new Constraint?[problem.RouteCount];
        routeColumns = new List<int>?[problem.RouteCount];
        (solver, objective) = Load();
    }

    /// <summary>A new model with every row and column so far: the solver starts afresh, with its own presolve and crash.</summary>
    public override void Rebuild()
    {
        solver.Dispose();
        (solver, objective) = Load();
    }

    private (Solver, Objective) Load()
    {
        var fresh = Solver.CreateSolver(solverId) ?? throw new InvalidOperationException($"OR-Tools has no {solverId}.");
        var goal = fresh.Objective();
        goal.SetMinimization();
        for (var s = 0; s < supplyRow.Length; s++)
            if (SupplyHasRow[s])
                supplyRow[s] = fresh.MakeConstraint(double.NegativeInfinity, Problem.SourceSupply[s], "");
        for (var d = 0; d < demandRow.Length; d++)
            if (NeedHasRow[d])
                demandRow[d] = fresh.MakeConstraint(double.NegativeInfinity, Demand[d], "");
        for (var r = 0; r < routeRow.Length; r++)
            if (HasRow(r))
                routeRow[r] = fresh.MakeConstraint(double.NegativeInfinity, Capacity[r], "");
        for (var i = 0; i < Columns.Count; i++)
            variables[i] = Column(fresh, goal, Columns[i]);
        return (fresh, goal);
    }

    private Variable Column(Solver model, Objective goal, int a)
    {
        var v = model.MakeNumVar(0, double.PositiveInfinity, "");
        goal.SetCoefficient(v, Cost[a]);
        supplyRow[Problem.ArcSource[a]]?.SetCoefficient(v, 1);
        demandRow[Problem.ArcDemand[a]]!.SetCoefficient(v, 1);
        var r = Problem.ArcRoute[a];
        if (r >= 0)
            routeRow[r]?.SetCoefficient(v, 1);
        return v;
    }

    public override void AddColumn(int a)
    {
        var r = Problem.ArcRoute[a];
        if (r >= 0)
            (routeColumns[r] ??= []).Add(variables.Count);
        variables.Add(Column(solver, objective, a));
        base.AddColumn(a);
    }

    public override void AddRouteRow(int r)
    {
        var row = solver.MakeConstraint(double.NegativeInfinity, Capacity[r], "");
        foreach (var i in routeColumns[r] ?? [])
            row.SetCoefficient(variables[i], 1);
        routeRow[r] = row;
        base.AddRouteRow(r);
    }

    public override bool Solve(TimeSpan timeLeft, bool dual, CancellationToken cancellation, double[] quantity, double[] ySource, double[] yDemand, double[] yRoute, out double objectiveValue)
    {
        solver.SetTimeLimit(Math.Max(1000, (long)timeLeft.TotalMilliseconds));
        var text = isGlop
            ? $"use_preprocessing: false use_scaling: false use_dual_simplex: {(dual ? "true" : "false")} {parameters}"
            : parameters;
        if (text is not null && !solver.SetSolverSpecificParametersAsString(text))
            throw new ArgumentException($"{solverId} refuses the parameters \"{text}\".", nameof(parameters));
        Solver.ResultStatus status;
        using (cancellation.Register(() => solver.InterruptSolve()))
        {
            // GLOP clears its interrupt as a solve begins: a cancel that came before would be lost.
            if (cancellation.IsCancellationRequested)
            {
                objectiveValue = double.NaN;
                return false;
            }
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
        NormaliseDuals(quantity, ySource, yDemand, yRoute);
        return true;
    }

    public override void Dispose() => solver.Dispose();
}
