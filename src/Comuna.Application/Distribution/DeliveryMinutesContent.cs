using System.Text.Json.Serialization;

namespace Comuna.Application.Distribution;

/// <summary>
/// What a round's public acta records: counts, never names. <see cref="DeliveriesDigest"/> is a
/// hash over the ordered list of deliveries (household, units, channel, time), so that the list
/// those who keep the census hold can later be shown to be the one the acta was signed over.
/// A round of the food plan's produce also records the plan and what it sent the council, so that
/// what should have arrived stands signed beside what did; other rounds' actas leave it out, as
/// those signed before it existed do.
/// </summary>
public sealed record DeliveryMinutesContent(
    Guid RoundId,
    string CouncilCode,
    string CouncilName,
    string Kind,
    string Item,
    string Unit,
    DateOnly StartsOn,
    DateOnly EndsOn,
    IReadOnlyList<string> PickupPoints,
    DeliveryRuleView Rule,
    int UnitsArrived,
    int UnitsEntitled,
    int UnitsDelivered,
    int UnitsRemaining,
    int Households,
    int HouseholdsEntitled,
    int HouseholdsServed,
    int HouseholdsMissed,
    int PriorityHouseholds,
    int PriorityHouseholdsServed,
    int ServedBySearch,
    int ServedByPaperSheet,
    DateTime ClosedAtUtc,
    string SignedBy,
    string DeliveriesDigest,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PlannedFromView? FromPlan = null);

/// <summary>The entitlement rule as people read it.</summary>
public sealed record DeliveryRuleView(
    int UnitsPerHousehold, int? MembersPerExtraUnit, int? MaxUnitsPerHousehold,
    bool PriorityChildren, bool PriorityElderly, bool PriorityPregnant, bool PriorityMalnutrition, int PriorityExtraUnits)
{
    public static DeliveryRuleView Of(Domain.Distribution.EntitlementRule r) => new(
        r.UnitsPerHousehold, r.MembersPerExtraUnit, r.MaxUnitsPerHousehold,
        r.PriorityChildren, r.PriorityElderly, r.PriorityPregnant, r.PriorityMalnutrition, r.PriorityExtraUnits);
}
