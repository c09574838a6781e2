namespace Comuna.Domain.Distribution;

/// <summary>One household's line of a round's allocation: what it is entitled to and what it gets.</summary>
public sealed record AllocationLine(Guid HouseholdId, string Code, int Members, PriorityReasons Reasons, int Entitled, int Allocated)
{
    public bool Priority => Reasons != PriorityReasons.None;
}

/// <summary>
/// Who gets how many when a round is short. When the units arrived cover every entitlement, each
/// household gets its own. Otherwise priority households are served first — in full if the units
/// allow, else pro rata among themselves — and what is left is shared pro rata among the others.
/// Pro rata in whole units is the largest-remainder method: everyone gets the whole part of their
/// share, and the units left over go one each to the largest fractions (ties by household code),
/// so that 10 boxes among 15 households entitled to one each go to 10 of them, not 0.67 to all.
/// </summary>
public static class Allocation
{
    public static IReadOnlyList<AllocationLine> Compute(EntitlementRule rule, int unitsArrived, IEnumerable<HouseholdNeeds> households)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfNegative(unitsArrived);
        var lines = households
            .Select(h =>
            {
                var reasons = rule.ReasonsFor(h);
                return new AllocationLine(h.HouseholdId, h.Code, h.Members, reasons, rule.UnitsFor(h.Members, reasons != PriorityReasons.None), 0);
            })
            .OrderBy(l => l.Code, StringComparer.Ordinal)
            .ToList();
        var total = lines.Sum(l => (long)l.Entitled);
        if (total <= unitsArrived)
            return lines.Select(l => l with { Allocated = l.Entitled }).ToList();

        var priority = lines.Where(l => l.Priority).ToList();
        var others = lines.Where(l => !l.Priority).ToList();
        var priorityTotal = priority.Sum(l => (long)l.Entitled);
        var allocated = new Dictionary<Guid, int>();
        if (priorityTotal <= unitsArrived)
        {
            foreach (var l in priority)
                allocated[l.HouseholdId] = l.Entitled;
            ProRata(others, (int)(unitsArrived - priorityTotal), allocated);
        }
        else
        {
            ProRata(priority, unitsArrived, allocated);
            foreach (var l in others)
                allocated[l.HouseholdId] = 0;
        }
        return lines.Select(l => l with { Allocated = allocated[l.HouseholdId] }).ToList();
    }

    /// <summary>Shares <paramref name="units"/> (fewer than the group's entitlements) in proportion to them.</summary>
    private static void ProRata(List<AllocationLine> group, int units, Dictionary<Guid, int> allocated)
    {
        var total = group.Sum(l => (long)l.Entitled);
        if (total == 0)
        {
            foreach (var l in group)
                allocated[l.HouseholdId] = 0;
            return;
        }
        var given = 0L;
        var remainders = new List<(AllocationLine Line, long Remainder)>();
        foreach (var l in group)
        {
            var exact = (long)units * l.Entitled;
            var whole = exact / total;
            allocated[l.HouseholdId] = (int)whole;
            given += whole;
            remainders.Add((l, exact % total));
        }
        foreach (var (line, _) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Line.Code, StringComparer.Ordinal)
            .Take((int)(units - given)))
            allocated[line.HouseholdId]++;
    }
}
