namespace Comuna.Domain.Distribution;

/// <summary>
/// How many units a household is entitled to, by its size, and which households come first when
/// there is not enough. For a CLAP box "one box, and one more for every five members after the
/// first" is <c>UnitsPerHousehold = 1, MembersPerExtraUnit = 5</c>: a family of 6 gets 2 boxes.
/// </summary>
public sealed class EntitlementRule
{
    /// <summary>Ages are computed from the census birth dates on the round's first day, never stored.</summary>
    public const int ChildUnderAge = 5;

    public const int ElderFromAge = 60;

    public int UnitsPerHousehold { get; set; } = 1;

    /// <summary>One more unit for every so many members after the first; null when size does not count.</summary>
    public int? MembersPerExtraUnit { get; set; }

    /// <summary>The most any one household receives, null for no cap.</summary>
    public int? MaxUnitsPerHousehold { get; set; }

    public bool PriorityChildren { get; set; } = true;
    public bool PriorityElderly { get; set; } = true;
    public bool PriorityPregnant { get; set; } = true;
    public bool PriorityMalnutrition { get; set; } = true;

    /// <summary>Units a priority household receives on top of its size's entitlement.</summary>
    public int PriorityExtraUnits { get; set; }

    /// <summary>The units a household of <paramref name="members"/> people is entitled to; an empty household, none.</summary>
    public int UnitsFor(int members, bool priority)
    {
        if (members <= 0)
            return 0;
        var units = UnitsPerHousehold + (MembersPerExtraUnit is { } every and > 0 ? (members - 1) / every : 0);
        if (priority)
            units += PriorityExtraUnits;
        return MaxUnitsPerHousehold is { } max ? Math.Min(units, max) : units;
    }

    /// <summary>Which of the assembly's priority reasons apply to a household with these members.</summary>
    public PriorityReasons ReasonsFor(HouseholdNeeds needs) =>
        (PriorityChildren && needs.ChildrenUnder5 > 0 ? PriorityReasons.ChildrenUnder5 : PriorityReasons.None)
        | (PriorityElderly && needs.Elderly > 0 ? PriorityReasons.Elderly : PriorityReasons.None)
        | (PriorityPregnant && needs.Pregnant > 0 ? PriorityReasons.Pregnant : PriorityReasons.None)
        | (PriorityMalnutrition && needs.Malnourished > 0 ? PriorityReasons.Malnutrition : PriorityReasons.None);
}
