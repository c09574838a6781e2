using Comuna.Application.FoodPlan;
using Comuna.Domain.FoodPlan;
using Comuna.Planning.FoodPlan;

namespace Comuna.Web.FoodPlan;

/// <summary>
/// A plan run as the API answers it: its state, while it plans how far it has come, and once
/// done the result in the contract's shape, with the margin it was asked to be proven within
/// (the request's <c>gap</c>; null for the proof of the optimum). JSON has no NaN: what is not
/// known yet is null.
/// </summary>
public sealed record PlanRunView(
    string Id, string Policy, string State, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    PlanRunView.ProgressView? Progress, PlanResult? Result, string? Failure, DateTimeOffset? PublishedAt = null, double? Margin = null)
{
    /// <summary>The stage (1: the chosen policy, 2: the other, for the comparison), round, objective, bound and gap so far.</summary>
    public sealed record ProgressView(int Stage, int Stages, string StagePolicy, int Round, double? Objective, double? Bound, double? Gap, double Seconds);

    /// <summary>A plan of the account's list, without its result.</summary>
    public sealed record Line(string Id, string Policy, string State, DateTime StartedAt, DateTime? FinishedAt, string? Status, double? Objective, double? Gap, DateTime? PublishedAt);

    public static string StateName(PlanRunState state) => state.ToString().ToLowerInvariant();

    public static PlanRunView Of(PlanRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var now = run.Snapshot();
        var p = now.Progress;
        return new PlanRunView(run.Id, FoodPlanner.Name(run.Policy), StateName(now.State), run.StartedAt, now.FinishedAt,
            now.State == PlanRunState.Running
                ? new ProgressView(p.Stage, p.Stages, p.StagePolicy, p.Round, Known(p.Objective), Known(p.Bound), Known(p.Gap), p.Seconds)
                : null,
            now.Result, now.Failure, run.PublishedAt, run.Margin);
    }

    public static Line Of(SavedPlanLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new Line(line.Id, line.Policy, StateName(line.State), line.StartedAtUtc, line.FinishedAtUtc, line.Status, line.Objective, line.Gap, line.PublishedAtUtc);
    }

    private static double? Known(double value) => double.IsFinite(value) ? value : null;
}
