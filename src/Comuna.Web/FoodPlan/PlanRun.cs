using Comuna.Application.FoodPlan;
using Comuna.Domain.FoodPlan;
using Comuna.Planning.FoodPlan;

namespace Comuna.Web.FoodPlan;

/// <summary>
/// How far a run has come: which stage (the chosen policy, then the other one for the comparison),
/// the solver's round, and the objective and proven bound in the contract's terms (what is lost and
/// unmet, weighted, plus the costs), so that a person sees the gap close.
/// </summary>
/// <param name="Stage">1 for the chosen policy, 2 for the comparison.</param>
/// <param name="Stages">How many stages the run has.</param>
/// <param name="StagePolicy">The policy of the stage being planned.</param>
public sealed record PlanRunProgress(int Stage, int Stages, string StagePolicy, int Round, double Objective, double Bound, double Seconds)
{
    /// <summary>The relative gap between the plan in hand and the proof, as the result reports it.</summary>
    public double Gap => Math.Max(0, Objective - Bound) / Math.Max(1, Math.Abs(Objective));
}

/// <summary>
/// A run as it stands at one instant: its state, result, progress and end read together, so that a
/// page never shows a finished run's status with the result it did not yet have a moment before.
/// </summary>
/// <param name="Result">The plan, once <paramref name="State"/> is <see cref="PlanRunState.Done"/>.</param>
/// <param name="Failure">Why a run failed: a bug, since bad input never gets this far.</param>
public sealed record PlanRunSnapshot(PlanRunState State, PlanResult? Result, PlanRunProgress Progress, string? Failure, DateTimeOffset? FinishedAt);

/// <summary>
/// One plan being made in the background for one account, or one read back from the database
/// (<see cref="Restored"/>). Its id is unguessable and the page answers it only to the account
/// that started it, or to anyone once that account has published it; the inputs stay with it for
/// the delivery orders.
/// </summary>
public sealed class PlanRun
{
    private readonly Lock _gate = new();
    private PlanRunProgress _progress;

    internal PlanRun(string id, string ownerId, PlanPolicy policy, PlanInput input, bool compare, DateTimeOffset startedAt, double? margin = null)
    {
        Id = id;
        OwnerId = ownerId;
        Policy = policy;
        Input = input;
        StartedAt = startedAt;
        Margin = margin;
        _progress = new PlanRunProgress(1, compare ? 2 : 1, FoodPlanner.Name(policy), 0, double.NaN, double.NaN, 0);
    }

    public string Id { get; }

    /// <summary>The account that started the run; nobody else may see it.</summary>
    public string OwnerId { get; }

    public PlanPolicy Policy { get; }

    /// <summary>The margin asked for (<see cref="PlanMargin"/>); null for the proof of the optimum.</summary>
    public double? Margin { get; }

    public PlanInput Input { get; }

    public DateTimeOffset StartedAt { get; }

    private DateTimeOffset? _finishedAt;
    private PlanRunState _state = PlanRunState.Running;
    private PlanResult? _result;
    private string? _failure;
    private string? _inputJson; // written once, when the run is first kept

    public DateTimeOffset? FinishedAt
    {
        get
        {
            lock (_gate)
                return _finishedAt;
        }
    }

    public PlanRunState State
    {
        get
        {
            lock (_gate)
                return _state;
        }
    }

    /// <summary>Everything that changes while the run plans, read at once.</summary>
    public PlanRunSnapshot Snapshot()
    {
        lock (_gate)
            return new PlanRunSnapshot(_state, _result, _progress, _failure, _finishedAt);
    }

    private DateTimeOffset? _publishedAt;

    /// <summary>When its account made it public (<see cref="Comuna.Application.FoodPlan.PublishPlan"/>); null while it is its own.</summary>
    public DateTimeOffset? PublishedAt
    {
        get
        {
            lock (_gate)
                return _publishedAt;
        }
    }

    internal void Published(DateTimeOffset at)
    {
        lock (_gate)
            _publishedAt = at;
    }

    /// <summary>Whether <paramref name="accountId"/> started the run (null: no account).</summary>
    public bool IsOwnedBy(string? accountId) => string.Equals(OwnerId, accountId, StringComparison.Ordinal);

    internal CancellationTokenSource Cancellation { get; } = new();

    /// <summary>The thread making the plan, which ends once the run's end is written.</summary>
    internal Task? Planning { get; set; }

    /// <summary>Held while the run is written to the database, and while it is marked deleted, so that neither undoes the other.</summary>
    internal Lock Keeping { get; } = new();

    /// <summary>Its account deleted it: it is written to the database no more.</summary>
    internal bool Deleted { get; set; }

    /// <summary>
    /// Another server process is making the run: this one shows that it is running, but has
    /// neither its progress nor a way to cancel it.
    /// </summary>
    public bool HeldElsewhere { get; private set; }

    /// <summary>Someone asked the run to stop; it stops within a moment (<see cref="PlanRuns.Cancel"/>).</summary>
    public bool CancelRequested => Cancellation.IsCancellationRequested;

    internal void Report(PlanRunProgress progress)
    {
        lock (_gate)
            _progress = progress;
    }

    /// <summary>The run as the database keeps it: its inputs, and its result once it has one.</summary>
    internal SavedPlan ToSaved()
    {
        lock (_gate)
        {
            return new SavedPlan
            {
                Id = Id,
                OwnerId = OwnerId,
                Policy = FoodPlanner.Name(Policy),
                Margin = Margin,
                State = _state,
                StartedAtUtc = StartedAt.UtcDateTime,
                FinishedAtUtc = _finishedAt?.UtcDateTime,
                Input = _inputJson ??= PlanJson.WriteInput(Input),
                Result = _result is null ? null : PlanJson.WriteResult(_result),
                Status = _result?.Status,
                Objective = _result?.Objective,
                Gap = _result?.Gap,
                Failure = _failure is { Length: > 2_000 } failure ? failure[..2_000] : _failure,
            };
        }
    }

    /// <summary>
    /// A run read back from the database. One still marked running is being made by another server
    /// process, which holds it (<see cref="HeldElsewhere"/>); one that process stopped holding was
    /// interrupted, and <see cref="SavedPlans"/> reads it so.
    /// </summary>
    internal static PlanRun Restored(SavedPlan saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var policy = FoodPlanner.ParsePolicy(saved.Policy) ?? PlanPolicy.ProductionFirst;
        var input = PlanJson.ReadInput(saved.Input).Input
            ?? throw new InvalidOperationException($"Plan {saved.Id} keeps inputs that no longer read.");
        var run = new PlanRun(saved.Id, saved.OwnerId, policy, input, compare: true, new DateTimeOffset(saved.StartedAtUtc, TimeSpan.Zero), saved.Margin);
        if (saved.State == PlanRunState.Running)
            run.HeldElsewhere = true;
        else
        {
            var finished = saved.FinishedAtUtc is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : run.StartedAt;
            run.Finish(saved.State, finished, saved.Result is null ? null : PlanJson.ReadResult(saved.Result), saved.Failure);
        }
        if (saved.PublishedAtUtc is { } published)
            run.Published(new DateTimeOffset(published, TimeSpan.Zero));
        return run;
    }

    internal void Finish(PlanRunState state, DateTimeOffset at, PlanResult? result = null, string? failure = null)
    {
        lock (_gate)
        {
            _result = result;
            _failure = failure;
            _finishedAt = at;
            _state = state;
        }
    }
}
