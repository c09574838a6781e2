using Comuna.Planning.FoodPlan;
using Comuna.Web.FoodPlan;

namespace Comuna.Web.Tests.FoodPlan;

/// <summary>
/// A planner that holds every run it is given until the run is cancelled (the cancel button, or
/// the server stopping), so that a test sees a plan still being made; <see cref="Started"/> is
/// released as each run begins.
/// </summary>
internal sealed class HeldPlanStage : IDisposable
{
    public SemaphoreSlim Started { get; } = new(0);

    /// <summary>Called as a run begins, before it holds: e.g. to report a round.</summary>
    public Action<FlowSolver.Options>? OnStart { get; init; }

    public PlanStage Stage => (problem, policy, options) =>
    {
        OnStart?.Invoke(options);
        Started.Release();
        options.Cancellation.WaitHandle.WaitOne(TimeSpan.FromSeconds(60));
        options.Cancellation.ThrowIfCancellationRequested();
        return PlanRuns.Solve(problem, policy, options);
    };

    /// <summary>Waits for a run to begin; false after 30 seconds.</summary>
    public Task<bool> StartedAsync() => Started.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

    public void Dispose() => Started.Dispose();
}
