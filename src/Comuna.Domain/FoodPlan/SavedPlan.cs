namespace Comuna.Domain.FoodPlan;

/// <summary>
/// A food plan as it is kept: the inputs it was made from and, once made, its result, both as the
/// JSON of the <c>comuna plan</c> contract, so that the delivery orders a commune acts on outlive
/// the server that planned them. It is written when the run starts and again when it ends; only
/// the account that started it reads it, until it publishes the plan (<see cref="PublishedAtUtc"/>).
/// </summary>
public sealed class SavedPlan
{
    /// <summary>The run's unguessable id (32 hexadecimal digits), which is also its page's address.</summary>
    public required string Id { get; set; }

    /// <summary>The account that started the plan; nobody else may see it.</summary>
    public required string OwnerId { get; set; }

    /// <summary>The chosen policy, as the contract names it: production-first or import-first.</summary>
    public required string Policy { get; set; }

    /// <summary>
    /// The margin asked for: the share of the objective within which a proven plan ends (0.001 for
    /// 0.1 %); null when the optimum itself was to be proven.
    /// </summary>
    public double? Margin { get; set; }

    public PlanRunState State { get; set; }
    public DateTime StartedAtUtc { get; set; }

    /// <summary>
    /// Until when the server process making the plan holds it: it renews this while it plans. A
    /// plan still marked running after this time was held by a process that died (a crash, a power
    /// cut, a burned building) and will never end: it reads back as interrupted. A process that
    /// stops in good order writes the interruption itself.
    /// </summary>
    public DateTime? HeldUntilUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>The plan's inputs, as they were given.</summary>
    public required string Input { get; set; }

    /// <summary>The result, once <see cref="State"/> is <see cref="PlanRunState.Done"/>.</summary>
    public string? Result { get; set; }

    /// <summary>The solver's status (optimal, time-limit …), for the list of plans without reading the result.</summary>
    public string? Status { get; set; }

    public double? Objective { get; set; }
    public double? Gap { get; set; }

    /// <summary>Why a run failed.</summary>
    public string? Failure { get; set; }

    /// <summary>
    /// When its account made the plan public: from then on anyone may read it, the councils of the
    /// communes it delivers to open their rounds of produce from it (<see cref="PlanDelivery"/>),
    /// and it can no longer be deleted.
    /// </summary>
    public DateTime? PublishedAtUtc { get; set; }
}
