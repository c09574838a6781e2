using Comuna.Planning.FoodPlan;

namespace Comuna.Web.FoodPlan;

/// <summary>What a plan run is doing, as its page shows it.</summary>
public enum PlanRunState
{
    Running,
    Done,
    Cancelled,
    Failed,
}

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
/// One plan being made in the background for one account. Its id is unguessable and the page
/// answers it only to the account that started it; the inputs stay with it for the delivery orders.
/// </summary>
public sealed class PlanRun
{
    private readonly Lock _gate = new();
    private PlanRunProgress _progress;

    internal PlanRun(string id, string ownerId, PlanPolicy policy, PlanInput input, bool compare, DateTimeOffset startedAt)
    {
        Id = id;
        OwnerId = ownerId;
        Policy = policy;
        Input = input;
        StartedAt = startedAt;
        _progress = new PlanRunProgress(1, compare ? 2 : 1, FoodPlanner.Name(policy), 0, double.NaN, double.NaN, 0);
    }

    public string Id { get; }

    /// <summary>The account that started the run; nobody else may see it.</summary>
    public string OwnerId { get; }

    public PlanPolicy Policy { get; }

    public PlanInput Input { get; }

    public DateTimeOffset StartedAt { get; }

    private DateTimeOffset? _finishedAt;
    private PlanRunState _state = PlanRunState.Running;
    private PlanResult? _result;
    private string? _failure;

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

    /// <summary>The plan, once <see cref="State"/> is <see cref="PlanRunState.Done"/>.</summary>
    public PlanResult? Result
    {
        get
        {
            lock (_gate)
                return _result;
        }
    }

    /// <summary>Why a run failed: a bug, since bad input never gets this far.</summary>
    public string? Failure
    {
        get
        {
            lock (_gate)
                return _failure;
        }
    }

    public PlanRunProgress Progress
    {
        get
        {
            lock (_gate)
                return _progress;
        }
    }

    internal CancellationTokenSource Cancellation { get; } = new();

    /// <summary>Someone asked the run to stop; it stops after the solver's current round.</summary>
    public bool CancelRequested => Cancellation.IsCancellationRequested;

    internal void Report(PlanRunProgress progress)
    {
        lock (_gate)
            _progress = progress;
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
