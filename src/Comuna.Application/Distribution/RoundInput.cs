using Comuna.Domain.Distribution;

namespace Comuna.Application.Distribution;

/// <summary>
/// What a round is to hand out, when and where, under which rule; <see cref="CreateRound"/> checks
/// it. A round of produce from a published food plan names the plan and its product.
/// </summary>
public sealed record RoundInput(
    DistributionKind? Kind,
    string? Item,
    string? Unit,
    int? UnitsArrived,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    IReadOnlyList<string>? PickupPoints,
    int? UnitsPerHousehold = null,
    int? MembersPerExtraUnit = null,
    int? MaxUnitsPerHousehold = null,
    bool? PriorityChildren = null,
    bool? PriorityElderly = null,
    bool? PriorityPregnant = null,
    bool? PriorityMalnutrition = null,
    int? PriorityExtraUnits = null,
    string? PlanId = null,
    string? PlanProduct = null);
