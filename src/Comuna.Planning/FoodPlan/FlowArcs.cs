namespace Comuna.Planning.FoodPlan;

/// <summary>
/// The arcs of a plan worth using under given supplies, needs and route capacities, in the
/// solvers' minimising "saving" form: cost = −profit (what a unit along the arc saves: a lot unit
/// not lost, a need unit met, less its transport and import cost), and an upper bound per arc
/// (what its supply, its need and its route could ever carry). An arc that saves nothing, or can
/// carry nothing, is not useful and no solver looks at it.
/// </summary>
internal sealed class FlowArcs
{
    public FlowArcs(PlanProblem problem, bool[] enabled, double[] demand, double[] capacity)
    {
        var arcs = problem.ArcCount;
        Cost = new double[arcs];
        Upper = new double[arcs];
        Useful = new bool[arcs];
        Scale = 1.0;
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
            Useful[a] = true;
            Cost[a] = -profit;
            Upper[a] = ub;
            Scale = Math.Max(Scale, profit);
        }
    }

    /// <summary>−profit per unit; 0 for an arc that is not useful.</summary>
    public double[] Cost { get; }

    public double[] Upper { get; }

    public bool[] Useful { get; }

    /// <summary>The largest profit of a unit (at least 1): the scale of the solvers' tolerances.</summary>
    public double Scale { get; }

    /// <summary>A plan's objective in this saving form: <c>Σ cost·x</c> over the arcs it uses.</summary>
    public double ObjectiveOf(double[] quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        double objective = 0;
        for (var a = 0; a < quantity.Length; a++)
            if (quantity[a] > 0)
                objective += Cost[a] * quantity[a];
        return objective;
    }
}
