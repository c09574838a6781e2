namespace Comuna.Planning.FoodPlan;

/// <summary>
/// The best plan a solve has found that respects every route, and its objective (saving form:
/// lower is better). It begins as shipping nothing, which saves 0 and holds no plan yet.
/// </summary>
/// <remarks>
/// Every plan offered is built to respect every route. One that does not, beyond an LP solver's
/// tolerance, could pass for better than the optimum and end the solve on a false proof, so it is
/// refused (and the log says which route it overloads).
/// </remarks>
internal sealed class BestPlan(PlanProblem problem, double[] capacity, Action<string>? log)
{
    /// <summary>How far past a route's capacity a plan may load it: a relative and an absolute hair, for the LP's rounding.</summary>
    private const double Tolerance = 1e-6;

    private readonly double[] load = new double[problem.RouteCount];

    /// <summary>The best plan, a quantity per arc; null until a plan better than shipping nothing comes.</summary>
    public double[]? Plan { get; private set; }

    /// <summary>The best plan's objective: 0 while there is none.</summary>
    public double Objective { get; private set; }

    /// <summary>
    /// Keeps a copy of <paramref name="plan"/> if it is better than the best so far (or
    /// <paramref name="evenIfWorse"/>: a vertex that replaces the interior optimum it came from)
    /// and respects every route; whether it was kept.
    /// </summary>
    public bool Offer(double[] plan, double objective, bool evenIfWorse = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (objective >= Objective && !evenIfWorse)
            return false;
        problem.RouteLoads(plan, load);
        for (var r = 0; r < load.Length; r++)
        {
            if (load[r] > (capacity[r] * (1 + Tolerance)) + Tolerance)
            {
                log?.Invoke(FormattableString.Invariant($"refused a plan that overloads route {r}: {load[r]:R} of {capacity[r]:R}"));
                return false;
            }
        }
        Plan ??= new double[plan.Length];
        Array.Copy(plan, Plan, plan.Length);
        Objective = objective;
        return true;
    }
}
