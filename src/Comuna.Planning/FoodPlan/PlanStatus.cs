namespace Comuna.Planning.FoodPlan;

/// <summary>
/// The statuses a plan can end with: the contract's <c>status</c>, which the pages translate and
/// <c>comuna plan</c> turns into its exit code. Only <see cref="Optimal"/> is a proof of the optimum.
/// </summary>
public static class PlanStatus
{
    /// <summary>Proven within <see cref="OptimalGap"/> of the objective.</summary>
    public const string Optimal = "optimal";

    /// <summary>Proven within the gap the caller asked for (<see cref="FlowSolver.Options.RelativeGap"/>), wider than <see cref="OptimalGap"/>.</summary>
    public const string WithinGap = "within-gap";

    /// <summary>The time limit came first; the plan is the best so far, with its bound.</summary>
    public const string TimeLimit = "time-limit";

    /// <summary>Stopped after the last round allowed, every route respected.</summary>
    public const string Feasible = "feasible";

    /// <summary>Stopped after the last round allowed, or short of the interior point's tolerance.</summary>
    public const string NotConverged = "not-converged";

    /// <summary>The LP solver failed.</summary>
    public const string Error = "error";

    /// <summary>The widest gap, as a share of the objective, that counts as proven optimal.</summary>
    public const double OptimalGap = 1e-6;

    /// <summary>Every status, for the pages' translations.</summary>
    public static IReadOnlyList<string> All { get; } = [Optimal, WithinGap, TimeLimit, Feasible, NotConverged, Error];

    /// <summary>Whether the plan is proven within the gap its caller asked for (or within <see cref="OptimalGap"/>).</summary>
    public static bool IsProven(string status) => status is Optimal or WithinGap;

    /// <summary>The status of a plan proven within <paramref name="gap"/>.</summary>
    public static string Proven(double gap) => gap <= OptimalGap ? Optimal : WithinGap;
}
