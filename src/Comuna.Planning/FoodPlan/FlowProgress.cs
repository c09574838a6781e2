namespace Comuna.Planning.FoodPlan;

/// <summary>
/// How far a solve has come after a round: the objective of its best plan and the proven bound
/// (saving form). Round 0 is the route prices' ascent, before the first LP solve.
/// </summary>
public sealed record FlowProgress(int Round, double Objective, double Bound, double Seconds)
{
    /// <summary>Whether this is the first report of its solve (a plan made import-first solves twice).</summary>
    public bool StartsASolve { get; init; }

    /// <summary>
    /// Whether this reports round <see cref="Round"/> under way rather than ended: the route prices
    /// climbing, before the first LP solve and beside it, raise the bound and find better plans
    /// while a national programme's interior point runs for minutes.
    /// </summary>
    public bool OnTheWay { get; init; }

    /// <summary>The gap proven so far, as a share of the solve's whole objective (the one it stops at).</summary>
    public double Gap { get; init; } = double.NaN;
}
