using Comuna.Domain.Distribution;

namespace Comuna.Web.Pages.Distribution;

/// <summary>The inputs of the new-round form; <see cref="Comuna.Application.Distribution.CreateRound"/> checks them.</summary>
public sealed class RoundForm
{
    public DistributionKind Kind { get; set; } = DistributionKind.FoodBox;
    public string? Item { get; set; }
    public string? Unit { get; set; }
    public int? UnitsArrived { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }

    /// <summary>One pick-up point per line.</summary>
    public string? PickupPoints { get; set; }

    public int? UnitsPerHousehold { get; set; } = 1;
    public int? MembersPerExtraUnit { get; set; }
    public int? MaxUnitsPerHousehold { get; set; }
    public bool PriorityChildren { get; set; } = true;
    public bool PriorityElderly { get; set; } = true;
    public bool PriorityPregnant { get; set; } = true;
    public bool PriorityMalnutrition { get; set; } = true;
    public int? PriorityExtraUnits { get; set; }

    /// <summary>The published food plan whose produce the round hands out, if any.</summary>
    public string? PlanId { get; set; }

    /// <summary>The plan's product the round hands out.</summary>
    public string? PlanProduct { get; set; }

    public IReadOnlyList<string> Points() =>
        (PickupPoints ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
}
