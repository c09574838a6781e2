namespace Comuna.Domain.Distribution;

/// <summary>
/// One round of distribution of a council (a CLAP box, a gas bottle, produce from the plan): what
/// arrived, where and when it is picked up, and the rule the assembly set for who is entitled to
/// how much. <see cref="UnitsDelivered"/> only grows by conditional updates that keep it within
/// <see cref="UnitsArrived"/>; a CHECK constraint makes the database say so too.
/// </summary>
public sealed class DistributionRound
{
    public Guid Id { get; set; }
    public Guid CouncilId { get; set; }
    public DistributionKind Kind { get; set; }

    /// <summary>What is handed out, as people call it: "Caja CLAP", "Bombona de gas de 10 kg".</summary>
    public required string Item { get; set; }

    /// <summary>The unit counted: "caja", "bombona", "kg".</summary>
    public required string Unit { get; set; }

    public int UnitsArrived { get; set; }
    public int UnitsDelivered { get; set; }

    /// <summary>The first pick-up day; ages (under 5, 60 and over) are computed on this day.</summary>
    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    /// <summary>Where households pick up, one place per line ("Casa comunal, bloque 3").</summary>
    public required string PickupPoints { get; set; }

    /// <summary>The entitlement rule the assembly set for this round.</summary>
    public EntitlementRule Rule { get; set; } = new();

    /// <summary>The published food plan whose produce this round hands out, if any (<see cref="FoodPlan.PlanDelivery"/>).</summary>
    public string? PlanId { get; set; }

    /// <summary>The plan's product this round hands out.</summary>
    public string? PlanProduct { get; set; }

    /// <summary>
    /// The council's share of what the plan delivers to its commune, by families, when the round
    /// was opened: what should have arrived, beside <see cref="UnitsArrived"/>, what did.
    /// </summary>
    public int? PlannedUnits { get; set; }

    public RoundStatus Status { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ClosedAtUtc { get; set; }

    public int UnitsRemaining => UnitsArrived - UnitsDelivered;

    public IReadOnlyList<string> PickupPointList =>
        PickupPoints.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
