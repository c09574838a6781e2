namespace Comuna.Planning.FoodPlan;

/// <summary>
/// The restricted programme of <see cref="FlowSolver"/>: a row per supply and per need from the
/// start, a column per arc and a row per full route as they join. Two solvers keep it:
/// <see cref="SimplexProgramme"/> carries one model on from its last basis through OR-Tools, and
/// <see cref="InteriorPointProgramme"/> solves it afresh each round by CLP's interior point.
/// </summary>
internal abstract class RestrictedProgramme : IDisposable
{
    private readonly bool[] routeHasRow;

    protected RestrictedProgramme(PlanProblem problem, bool[] useful, double[] cost, double[] demand, double[] capacity)
    {
        Problem = problem;
        Cost = cost;
        Demand = demand;
        Capacity = capacity;
        routeHasRow = new bool[problem.RouteCount];
        var hasSource = new bool[problem.SourceCount];
        var hasDemand = new bool[problem.DemandCount];
        for (var a = 0; a < problem.ArcCount; a++)
        {
            if (!useful[a])
                continue;
            hasSource[problem.ArcSource[a]] = true;
            hasDemand[problem.ArcDemand[a]] = true;
        }
        // An import without a capacity has no row: nothing bounds it.
        SupplyHasRow = [.. hasSource.Select((has, s) => has && double.IsFinite(problem.SourceSupply[s]))];
        NeedHasRow = hasDemand;
    }

    protected PlanProblem Problem { get; }

    /// <summary>Per arc, −profit: the minimising form's cost.</summary>
    protected double[] Cost { get; }

    protected double[] Demand { get; }

    protected double[] Capacity { get; }

    protected bool[] SupplyHasRow { get; }

    protected bool[] NeedHasRow { get; }

    /// <summary>The arcs in the programme, in the order they joined.</summary>
    public List<int> Columns { get; } = [];

    public int CapacityRows { get; private set; }

    /// <summary>The last solve's simplex or interior-point iterations.</summary>
    public int Iterations { get; protected set; }

    public bool HasRow(int route) => routeHasRow[route];

    public virtual void AddColumn(int a) => Columns.Add(a);

    /// <summary>Makes the next solve start afresh rather than from the last basis (the interior point always does).</summary>
    public virtual void Rebuild()
    {
    }

    public virtual void AddRouteRow(int r)
    {
        routeHasRow[r] = true;
        CapacityRows++;
    }

    /// <summary>
    /// Solves the programme and reads its quantities (per arc) and duals (≤ 0 in this minimising
    /// form); false when the solver did not reach an optimum (time, cancel or failure).
    /// <paramref name="dual"/> asks a simplex that carries on from its last basis for the dual
    /// simplex (new rows) rather than the primal (new columns).
    /// </summary>
    public abstract bool Solve(TimeSpan timeLeft, bool dual, CancellationToken cancellation, double[] quantity, double[] ySource, double[] yDemand, double[] yRoute, out double objectiveValue);

    /// <summary>
    /// Solvers differ in the sign they give duals: the right one prices the used arcs at zero.
    /// Leaves every dual ≤ 0, as the saving form's bound needs.
    /// </summary>
    protected void NormaliseDuals(double[] quantity, double[] ySource, double[] yDemand, double[] yRoute)
    {
        double asGiven = 0, negated = 0;
        foreach (var a in Columns)
        {
            if (quantity[a] <= 0)
                continue;
            var r = Problem.ArcRoute[a];
            var y = ySource[Problem.ArcSource[a]] + yDemand[Problem.ArcDemand[a]] + (r >= 0 ? yRoute[r] : 0);
            asGiven += Math.Abs(Cost[a] - y);
            negated += Math.Abs(Cost[a] + y);
        }
        var sign = negated < asGiven ? -1.0 : 1.0;
        for (var s = 0; s < ySource.Length; s++)
            ySource[s] = Math.Min(0, sign * ySource[s]);
        for (var d = 0; d < yDemand.Length; d++)
            yDemand[d] = Math.Min(0, sign * yDemand[d]);
        for (var r = 0; r < yRoute.Length; r++)
            yRoute[r] = Math.Min(0, sign * yRoute[r]);
    }

    public virtual void Dispose()
    {
    }
}
