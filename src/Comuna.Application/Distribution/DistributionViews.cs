using Comuna.Domain.Distribution;

namespace Comuna.Application.Distribution;

/// <summary>A round as anyone sees it: what, when, where, and its units — counts only.</summary>
public sealed record RoundView(
    Guid Id,
    Guid CouncilId,
    string CouncilName,
    DistributionKind Kind,
    string Item,
    string Unit,
    int UnitsArrived,
    int UnitsDelivered,
    int UnitsRemaining,
    DateOnly StartsOn,
    DateOnly EndsOn,
    IReadOnlyList<string> PickupPoints,
    DeliveryRuleView Rule,
    RoundStatus Status,
    int HouseholdsServed,
    DateTime? ClosedAtUtc,
    PlannedFromView? FromPlan = null);

/// <summary>The published food plan a round of produce comes from, and the council's share of it when the round opened.</summary>
public sealed record PlannedFromView(string PlanId, string Product, int? PlannedUnits);

/// <summary>One household's line of the allocation, for those who read the census.</summary>
public sealed record AllocationLineView(
    Guid HouseholdId, string Code, int Members, IReadOnlyList<string> Reasons, int Entitled, int Allocated, int? Delivered);

/// <summary>Who gets how many: shown before anything is handed out, and while it is.</summary>
public sealed record AllocationView(
    Guid RoundId, int UnitsArrived, int UnitsEntitled, bool Short, int Households, int PriorityHouseholds,
    int PriorityUnits, IReadOnlyList<AllocationLineView> Lines);

/// <summary>What one household is entitled to in a round, for the household itself.</summary>
public sealed record HouseholdEntitlementView(
    Guid RoundId, Guid HouseholdId, string Code, int Members, IReadOnlyList<string> Reasons, int Entitled, int Allocated,
    int? DeliveredUnits, DateTime? DeliveredAtUtc);

/// <summary>A household as the spokesperson at the pick-up point finds it.</summary>
public sealed record DeliveryCandidate(
    Guid HouseholdId, string Code, string Address, string Names, int Members, int Entitled, int Allocated, int? Delivered);

/// <summary>The signed acta of a round: the public content, who signed, and the checkpoint.</summary>
public sealed record DeliveryMinutesView(
    Guid RoundId, DateTime WrittenAtUtc, string SignedBy, DeliveryMinutesContent Content, string PreviousCheckpoint, string Checkpoint, bool Holds);

/// <summary>One round in the transparency view; <paramref name="PlannedUnits"/>, for a round of the food plan's produce, is what the plan sent the council.</summary>
public sealed record TransparencyRow(
    Guid RoundId, string Item, string Unit, DateOnly StartsOn, RoundStatus Status, int UnitsArrived, int UnitsDelivered,
    int HouseholdsEntitled, int HouseholdsServed, int HouseholdsMissed, string? Checkpoint, int? PlannedUnits = null);

/// <summary>Every round of a council, with units and households served and missed: public.</summary>
public sealed record TransparencyView(Guid CouncilId, string CouncilName, IReadOnlyList<TransparencyRow> Rounds)
{
    public int UnitsArrived => Rounds.Sum(r => r.UnitsArrived);
    public int UnitsDelivered => Rounds.Sum(r => r.UnitsDelivered);
    public int HouseholdsServed => Rounds.Sum(r => r.HouseholdsServed);
    public int HouseholdsMissed => Rounds.Sum(r => r.HouseholdsMissed);
}

/// <summary>The wire names of the priority reasons: children-under-5, elderly, pregnant, malnutrition.</summary>
public static class PriorityReasonNames
{
    public static IReadOnlyList<string> Of(PriorityReasons reasons)
    {
        var names = new List<string>();
        if (reasons.HasFlag(PriorityReasons.ChildrenUnder5))
            names.Add("children-under-5");
        if (reasons.HasFlag(PriorityReasons.Elderly))
            names.Add("elderly");
        if (reasons.HasFlag(PriorityReasons.Pregnant))
            names.Add("pregnant");
        if (reasons.HasFlag(PriorityReasons.Malnutrition))
            names.Add("malnutrition");
        return names;
    }
}

/// <summary>
/// A council's households as the health committee sees them on a day: each member's age, whether
/// they count as a child under 5 or as elderly (from the census birth dates, as a round counts them
/// on its first day) and the flags the committee recorded that are in force on the day.
/// </summary>
public sealed record HealthView(Guid CouncilId, string CouncilName, DateOnly Day, bool CanRecord, Common.Page<HealthHousehold> Households);

/// <summary>A household with the reasons it would have priority on the day (whatever a round's rule counts).</summary>
public sealed record HealthHousehold(Guid HouseholdId, string Code, string Address, IReadOnlyList<string> Reasons, IReadOnlyList<HealthResident> Members);

/// <summary>One member as the health committee sees them.</summary>
public sealed record HealthResident(
    Guid ResidentId, string Name, string NationalId, Domain.Registry.Sex Sex, DateOnly BirthDate, int Age, bool ChildUnder5, bool Elderly, IReadOnlyList<HealthFlagView> Flags)
{
    public bool Has(HealthFlagKind kind) => Flags.Any(f => f.Kind == kind);
}

/// <summary>A health flag in force: its kind and its days.</summary>
public sealed record HealthFlagView(Guid Id, HealthFlagKind Kind, DateOnly StartsOn, DateOnly? EndsOn);
