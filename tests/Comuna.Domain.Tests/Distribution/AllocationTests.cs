using Comuna.Domain.Distribution;

namespace Comuna.Domain.Tests.Distribution;

public sealed class AllocationTests
{
    private static HouseholdNeeds Family(string code, int members, int children = 0, int elderly = 0, int pregnant = 0, int malnourished = 0) =>
        new(Guid.NewGuid(), code, members, children, elderly, pregnant, malnourished);

    [Fact]
    public void UnitsFor_OneBoxAndOneMoreEveryFiveMembersAfterTheFirst_GivesAFamilyOfSixTwoBoxes()
    {
        var rule = new EntitlementRule { UnitsPerHousehold = 1, MembersPerExtraUnit = 5 };
        Assert.Equal(0, rule.UnitsFor(0, priority: false));
        Assert.Equal(1, rule.UnitsFor(1, priority: false));
        Assert.Equal(1, rule.UnitsFor(5, priority: false));
        Assert.Equal(2, rule.UnitsFor(6, priority: false));
        Assert.Equal(3, rule.UnitsFor(11, priority: false));
        Assert.Equal(2, new EntitlementRule { MembersPerExtraUnit = 5, MaxUnitsPerHousehold = 2 }.UnitsFor(11, priority: false));
        Assert.Equal(3, new EntitlementRule { PriorityExtraUnits = 2 }.UnitsFor(3, priority: true));
    }

    [Fact]
    public void Compute_WhenTheUnitsCoverEveryEntitlement_GivesEachHouseholdItsOwn()
    {
        var rule = new EntitlementRule { MembersPerExtraUnit = 3 };
        var lines = Allocation.Compute(rule, 100, [Family("F0001", 4), Family("F0002", 1), Family("F0003", 7)]);
        Assert.Equal([2, 1, 3], lines.Select(l => l.Allocated));
        Assert.All(lines, l => Assert.Equal(l.Entitled, l.Allocated));
    }

    [Fact]
    public void Compute_WhenShort_ServesPriorityHouseholdsInFullFirst_ThenSharesTheRestProRata()
    {
        var rule = new EntitlementRule();
        var households = new[]
        {
            Family("F0001", 3), Family("F0002", 2, children: 1), Family("F0003", 4), Family("F0004", 1, elderly: 1),
            Family("F0005", 2), Family("F0006", 5, pregnant: 1), Family("F0007", 3, malnourished: 1), Family("F0008", 2),
        };
        var lines = Allocation.Compute(rule, 6, households);
        var byCode = lines.ToDictionary(l => l.Code);
        Assert.All(new[] { "F0002", "F0004", "F0006", "F0007" }, c => Assert.Equal(1, byCode[c].Allocated));
        Assert.Equal(6, lines.Sum(l => l.Allocated));
        // Two boxes left for four others of equal entitlement: largest remainder, ties by code.
        Assert.Equal([1, 1, 0, 0], new[] { "F0001", "F0003", "F0005", "F0008" }.Select(c => byCode[c].Allocated));
        Assert.Equal(PriorityReasons.ChildrenUnder5, byCode["F0002"].Reasons);
    }

    [Fact]
    public void Compute_WhenEvenPriorityHouseholdsCannotAllBeServed_SharesAmongThemAndGivesOthersNothing()
    {
        var rule = new EntitlementRule { MembersPerExtraUnit = 2 };
        var households = new[] { Family("F0001", 5, elderly: 2), Family("F0002", 1, children: 1), Family("F0003", 3) };
        var lines = Allocation.Compute(rule, 2, households).ToDictionary(l => l.Code);
        // Entitlements 3 and 1 among priority households, 2 units: 1.5 and 0.5 → 1 and 0, and the
        // unit left goes to the first of the tied remainders by code.
        Assert.Equal(2, lines["F0001"].Allocated);
        Assert.Equal(0, lines["F0002"].Allocated);
        Assert.Equal(0, lines["F0003"].Allocated);
    }

    [Fact]
    public void Compute_ProRata_NeverGivesMoreThanEntitled_AndHandsOutEveryUnit()
    {
        var random = new Random(5);
        for (var trial = 0; trial < 200; trial++)
        {
            var rule = new EntitlementRule { MembersPerExtraUnit = random.Next(1, 4), PriorityChildren = random.Next(2) == 0 };
            var households = Enumerable.Range(1, random.Next(1, 40))
                .Select(i => Family($"F{i:0000}", random.Next(0, 8), children: random.Next(3) == 0 ? 1 : 0)).ToList();
            var units = random.Next(0, 60);
            var lines = Allocation.Compute(rule, units, households);
            Assert.All(lines, l => Assert.InRange(l.Allocated, 0, l.Entitled));
            Assert.Equal(Math.Min(units, lines.Sum(l => l.Entitled)), lines.Sum(l => l.Allocated));
            // No one without priority gets anything while a priority household is short of its entitlement.
            if (lines.Any(l => l.Priority && l.Allocated < l.Entitled))
                Assert.All(lines.Where(l => !l.Priority), l => Assert.Equal(0, l.Allocated));
        }
    }

    [Fact]
    public void Compute_WithPrioritiesTurnedOff_TreatsEveryHouseholdAlike()
    {
        var rule = new EntitlementRule { PriorityChildren = false, PriorityElderly = false, PriorityPregnant = false, PriorityMalnutrition = false };
        var lines = Allocation.Compute(rule, 1, [Family("F0001", 2), Family("F0002", 2, children: 2)]);
        Assert.Equal([1, 0], lines.Select(l => l.Allocated));
        Assert.All(lines, l => Assert.False(l.Priority));
    }
}
