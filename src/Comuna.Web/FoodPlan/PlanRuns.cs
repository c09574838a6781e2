using System.Collections.Concurrent;
using System.Security.Cryptography;
using Comuna.Application.Common;
using Comuna.Application.FoodPlan;
using Comuna.Domain.Common;
using Comuna.Domain.FoodPlan;
using Comuna.Planning.FoodPlan;

namespace Comuna.Web.FoodPlan;

/// <summary>
/// Plans one policy of a run: <see cref="FoodPlanner.Plan"/> without the comparison, which the run
/// plans as a stage of its own so that its page can say which policy is being planned. A seam for
/// the tests, which hold a run at a known round.
/// </summary>
public delegate PlanResult PlanStage(PlanProblem problem, PlanPolicy policy, FlowSolver.Options options);

/// <summary>
/// The food plans being made in this server process, in the background, so that the page that
/// starts one answers at once and the run's own page shows how far it has come. Bounded: at most
/// <see cref="MaxRunning"/> plans solve at once (the solver takes a core each), a finished run is
/// kept <see cref="KeepFinished"/> for its page and its delivery orders, and no more than
/// <see cref="MaxKept"/> runs are held in memory. Every run is also kept in the database
/// (<see cref="SavedPlans"/>) when it starts and when it ends, so a plan and its delivery orders
/// outlive this process; a run the server stopped in the middle reads back as interrupted.
/// </summary>
public sealed class PlanRuns(TimeProvider clock, IServiceScopeFactory scopes, ILogger<PlanRuns> log, PlanStage? stage = null) : IHostedService, IDisposable
{
    public const int MaxRunning = 2;

    public const int MaxKept = 20;

    public static readonly TimeSpan KeepFinished = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The most resident memory one plan's CLP worker may hold (<see cref="FlowSolver.Options.WorkerMemory"/>):
    /// an equal share of the memory this process may use (the machine's, or its container's bound)
    /// for each of the <see cref="MaxRunning"/> plans and one more for the server itself. A
    /// national plan's worker holds 1–2 GB; on a machine too small for it, that plan ends with the
    /// best plan found before and a warning in the log, where without the bound the kernel could
    /// end the server instead.
    /// </summary>
    public static long WorkerMemory { get; } = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (MaxRunning + 1);

    /// <summary>
    /// The solver's account of each round (<see cref="FlowSolver.Options.Log"/>) as debug lines of
    /// this log naming <paramref name="plan"/>, where someone who runs the server turns them on
    /// (<c>Logging__LogLevel__Comuna.Web.FoodPlan.PlanRuns=Debug</c>); null when they are off,
    /// so that the solver does not write lines nobody reads.
    /// </summary>
    public static Action<string>? RoundLog(ILogger log, string plan)
    {
        ArgumentNullException.ThrowIfNull(log);
        return log.IsEnabled(LogLevel.Debug) ? line => log.LogDebug("Plan {Plan}: {Line}", plan, line) : null;
    }

    /// <summary>
    /// <paramref name="options"/> as this server plans, for a run or a plan made while its request
    /// waits alike: each CLP worker bounded by <see cref="WorkerMemory"/>, and the solver's round
    /// lines (<see cref="RoundLog"/>) and warnings written to <paramref name="log"/>, naming
    /// <paramref name="plan"/>.
    /// </summary>
    public static FlowSolver.Options Supervised(FlowSolver.Options options, ILogger log, string plan) => options with
    {
        WorkerMemory = WorkerMemory,
        Log = RoundLog(log, plan),
        Warn = warning => log.LogWarning("Plan {Plan}: {Warning}", plan, warning),
    };

    /// <summary>Plans one policy with the solver, reporting its rounds.</summary>
    public static PlanResult Solve(PlanProblem problem, PlanPolicy policy, FlowSolver.Options options) =>
        FoodPlanner.Plan(problem, policy, compare: false, options);

    /// <summary>How often this process renews its hold on the plans it is making (<see cref="SavedPlans.Lease"/>).</summary>
    public static readonly TimeSpan RenewEvery = SavedPlans.Lease / 3;

    private readonly PlanStage _stage = stage ?? Solve;
    private ITimer? _renewal;
    private readonly ConcurrentDictionary<string, PlanRun> _runs = new(StringComparer.Ordinal);
    private readonly Lock _starting = new();
    private volatile bool _stopping;

    /// <summary>
    /// Starts planning <paramref name="problem"/> for <paramref name="ownerId"/>, each policy until
    /// it is proven optimal or within <paramref name="margin"/> (<see cref="PlanMargin"/>); null
    /// when <see cref="MaxRunning"/> plans are already running or <see cref="MaxKept"/> runs are held.
    /// </summary>
    public PlanRun? Start(string ownerId, PlanProblem problem, PlanInput input, PlanPolicy policy, bool compare = true, double? margin = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        PlanRun run;
        lock (_starting)
        {
            Sweep();
            if (Solving >= MaxRunning)
                return null;
            if (_runs.Count >= MaxKept)
            {
                // Make room by forgetting the oldest finished run; if every run is still running, refuse.
                var oldest = _runs.Values.Where(r => r.State != PlanRunState.Running).MinBy(r => r.FinishedAt);
                if (oldest is null)
                    return null;
                Forget(oldest);
            }
            run = new PlanRun(NewId(), ownerId, policy, input, compare, clock.GetUtcNow(), margin);
            _runs[run.Id] = run;
            _renewal ??= clock.CreateTimer(_ => _ = RenewAsync(), null, RenewEvery, RenewEvery);
        }
        // A thread of its own: a plan holds a core for seconds or minutes, which the request pool should not lend.
        run.Planning = Task.Factory.StartNew(() => Execute(run, problem, compare), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return run;
    }

    /// <summary>
    /// A place among the <see cref="MaxRunning"/> plans solving at once for a plan made while its
    /// request waits (<c>POST /api/v1/plans</c>), so that such plans, sent many at a time, cannot
    /// take every core the background runs are bounded to leave; null when none is free. Dispose
    /// it when the plan is made.
    /// </summary>
    public IDisposable? TryHoldSolver()
    {
        lock (_starting)
        {
            Sweep();
            if (Solving >= MaxRunning)
                return null;
            Interlocked.Increment(ref _heldSolvers);
            return new SolverHold(this);
        }
    }

    /// <summary>Plans solving now: the background runs and the plans their requests wait for.</summary>
    private int Solving => _runs.Values.Count(r => r.State == PlanRunState.Running) + Volatile.Read(ref _heldSolvers);

    private int _heldSolvers;

    private sealed class SolverHold(PlanRuns runs) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                Interlocked.Decrement(ref runs._heldSolvers);
        }
    }

    /// <summary>
    /// The run <paramref name="id"/> if <paramref name="viewerId"/> started it or it is published —
    /// the one in memory, or else the one the database keeps; for anyone else, as for an unknown
    /// id, null. <paramref name="viewerId"/> is null for someone without an account.
    /// </summary>
    public async Task<PlanRun?> FindAsync(string id, string? viewerId, CancellationToken cancellationToken)
    {
        Sweep();
        if (_runs.TryGetValue(id, out var run))
            return run.IsOwnedBy(viewerId) || run.PublishedAt is not null ? run : null;
        await using var scope = scopes.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<SavedPlans>().FindAsync(id, viewerId, cancellationToken);
        return saved is null ? null : PlanRun.Restored(saved);
    }

    /// <summary>
    /// Makes the account's finished plan public, with what it delivers to each place
    /// (<see cref="PublishPlan"/>); the run in hand says so at once. A plan of nothing is refused
    /// (<see cref="EmptyPlan"/>).
    /// </summary>
    public async Task<Result<DateTime>> PublishAsync(PlanRun run, string ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        // Whose plan it is and whether it is done, PublishPlan checks against the database; a run
        // without a result in hand has no deliveries to give it.
        if (run.Snapshot().Result is not { } result)
            return PublishPlan.NotDone;
        if (EmptyPlan.Is(run.Input))
            return PublishPlan.PlansNothing;
        await using var scope = scopes.CreateAsyncScope();
        var published = await scope.ServiceProvider.GetRequiredService<PublishPlan>()
            .ExecuteAsync(run.Id, ownerId, PlanDeliveries.Of(run.Input, result), PlanDeliveries.Sent(run.Input, result), cancellationToken);
        if (published.IsSuccess)
            run.Published(new DateTimeOffset(published.Value, TimeSpan.Zero));
        return published;
    }

    /// <summary>
    /// The account's kept plans, newest first. A run this process holds is listed as it stands in
    /// memory, which its end reaches a moment before the database does.
    /// </summary>
    public async Task<IReadOnlyList<SavedPlanLine>> ListAsync(string ownerId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var lines = await scope.ServiceProvider.GetRequiredService<SavedPlans>().ListAsync(ownerId, cancellationToken);
        return [.. lines.Select(l => _runs.TryGetValue(l.Id, out var run) ? AsItStands(l, run) : l)];
    }

    private static SavedPlanLine AsItStands(SavedPlanLine line, PlanRun run)
    {
        var now = run.Snapshot();
        return line with
        {
            State = now.State,
            FinishedAtUtc = now.FinishedAt?.UtcDateTime,
            Status = now.Result?.Status,
            Objective = now.Result?.Objective,
            Gap = now.Result?.Gap,
            PublishedAtUtc = run.PublishedAt?.UtcDateTime ?? line.PublishedAtUtc,
        };
    }

    /// <summary>Forgets a finished plan, in memory and in the database; false if the account has none of that id, it is still running, or it is published.</summary>
    public async Task<bool> DeleteAsync(string id, string ownerId, CancellationToken cancellationToken)
    {
        if (_runs.TryGetValue(id, out var run))
        {
            if (!run.IsOwnedBy(ownerId) || run.State == PlanRunState.Running || run.PublishedAt is not null)
                return false;
            // A run that has just ended may still be writing its result: wait for it, then stop it writing again.
            lock (run.Keeping)
                run.Deleted = true;
            Forget(run);
        }
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SavedPlans>().DeleteAsync(id, ownerId, cancellationToken);
    }

    /// <summary>Asks the run to stop: between two steps of the route prices, or in the middle of an LP solve, whose CLP worker is ended.</summary>
    public static void Cancel(PlanRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.State == PlanRunState.Running)
            run.Cancellation.Cancel();
    }

    /// <summary>How many runs are held, running or finished.</summary>
    public int Count => _runs.Count;

    private void Execute(PlanRun run, PlanProblem problem, bool compare)
    {
        var token = run.Cancellation.Token;
        Keep(run, (plans, saved) => plans.AddAsync(saved, CancellationToken.None));
        try
        {
            var constant = problem.ConstantObjective();
            var main = SolveStage(run, problem, run.Policy, 1, compare ? 2 : 1, constant, token);
            var result = main;
            if (compare)
            {
                result = FoodPlanner.Compared(main, SolveStage(run, problem, FoodPlanner.Other(run.Policy), 2, 2, constant, token));
            }
            run.Finish(PlanRunState.Done, clock.GetUtcNow(), result);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            run.Finish(_stopping ? PlanRunState.Interrupted : PlanRunState.Cancelled, clock.GetUtcNow());
        }
#pragma warning disable CA1031 // A run that breaks must say so on its page, not take the process down.
        catch (Exception e)
#pragma warning restore CA1031
        {
            run.Finish(PlanRunState.Failed, clock.GetUtcNow(), failure: e.Message);
        }
        Keep(run, (plans, saved) => plans.FinishAsync(saved, CancellationToken.None));
    }

    /// <summary>
    /// Writes the run to the database as it stands, its start or its end. The run's own thread
    /// waits for it, so the start is written before the end; a database that cannot take it
    /// leaves the run in memory.
    /// </summary>
    private void Keep(PlanRun run, Func<SavedPlans, SavedPlan, Task> write)
    {
        try
        {
            lock (run.Keeping)
            {
                if (run.Deleted)
                    return;
                using var scope = scopes.CreateScope();
                write(scope.ServiceProvider.GetRequiredService<SavedPlans>(), run.ToSaved()).GetAwaiter().GetResult();
            }
        }
#pragma warning disable CA1031 // Keeping the plan is a second copy: the run goes on, and its page, without it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            log.LogWarning(e, "Plan run {Id} ({State}) could not be kept in the database", run.Id, run.State);
        }
    }

    private PlanResult SolveStage(PlanRun run, PlanProblem problem, PlanPolicy policy, int stage, int stages, double constant, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        var name = FoodPlanner.Name(policy);
        run.Report(new PlanRunProgress(stage, stages, name, 0, double.NaN, double.NaN, 0));
        // Import-first solves twice (imports, then domestic produce on what is left); each solve
        // counts its own rounds and reports its own saving, so the savings of the solves before
        // are carried to show the objective of the plan as a whole.
        double carried = 0, last = 0;
        var rounds = 0;
        var reports = 0;
        var options = Supervised(new FlowSolver.Options
        {
            Cancellation = token,
            Progress = p =>
            {
                if (p.StartsASolve && reports > 0)
                    carried += last;
                last = p.Objective;
                reports++;
                // A report on the way moves the objective and the bound, not the round.
                if (!p.OnTheWay)
                    rounds++;
                // Every term of the objective is non-negative, so 0 bounds it when the first duals bound it worse.
                run.Report(new PlanRunProgress(stage, stages, name, rounds, constant + carried + p.Objective, Math.Max(0, constant + carried + p.Bound), p.Seconds));
            },
        }, log, $"run {run.Id}");
        return _stage(problem, policy, PlanMargin.Apply(options, run.Margin));
    }

    /// <summary>
    /// Renews this process's hold on the plans it is making, so that no other process reads them as
    /// interrupted. A database that cannot take it now is asked again at the next renewal, well
    /// within the hold.
    /// </summary>
    private async Task RenewAsync()
    {
        var running = _runs.Values.Where(r => r.State == PlanRunState.Running).Select(r => r.Id).ToList();
        if (running.Count == 0)
            return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SavedPlans>().RenewAsync(running, CancellationToken.None);
        }
#pragma warning disable CA1031 // A renewal that fails is retried by the next; the runs go on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            log.LogWarning(e, "The hold on {Count} running plans could not be renewed", running.Count);
        }
    }

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var run in _runs.Values)
            if (run.FinishedAt is { } finished && now - finished > KeepFinished)
                Forget(run);
    }

    private void Forget(PlanRun run)
    {
        if (_runs.TryRemove(run.Id, out _))
            run.Cancellation.Dispose();
    }

    /// <summary>128 random bits, in letters and digits that travel in a path.</summary>
    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The server stops in good order: every run still planning is stopped, and each writes that it
    /// was interrupted before the server lets the database go. A run that has not written it by the
    /// end of the host's shutdown time is read as interrupted once its hold runs out.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var running = StopRunning();
        try
        {
            await Task.WhenAll(running).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            log.LogWarning("{Count} plan runs had not ended when the server stopped", running.Count(t => !t.IsCompleted));
        }
    }

    private List<Task> StopRunning()
    {
        _stopping = true;
        _renewal?.Dispose();
        var running = new List<Task>();
        foreach (var run in _runs.Values)
        {
            if (run.State != PlanRunState.Running)
                continue;
            run.Cancellation.Cancel();
            if (run.Planning is { } planning)
                running.Add(planning);
        }
        return running;
    }

    /// <summary>Stops every run still planning, if <see cref="StopAsync"/> has not.</summary>
    public void Dispose() => StopRunning();
}
