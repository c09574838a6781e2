using Comuna.Domain.Registry;

namespace Comuna.Domain.Tests.Registry;

public sealed class RuleSetTests
{
    [Theory]
    [InlineData(CouncilKind.Urban, 149, false)]
    [InlineData(CouncilKind.Urban, 150, true)]
    [InlineData(CouncilKind.Urban, 400, true)]
    [InlineData(CouncilKind.Urban, 401, false)]
    [InlineData(CouncilKind.Rural, 19, false)]
    [InlineData(CouncilKind.Rural, 20, true)]
    [InlineData(CouncilKind.Rural, 5000, true)]
    [InlineData(CouncilKind.Indigenous, 9, false)]
    [InlineData(CouncilKind.Indigenous, 10, true)]
    public void Locc2009_Bounds_FollowTheCouncilsLaw(CouncilKind kind, int families, bool fits) =>
        Assert.Equal(fits, RuleSets.Locc2009.BoundsFor(kind).Contains(families));

    [Fact]
    public void TermEnd_Is2YearsUnderLocc2009And3UnderLocc2023()
    {
        var elected = new DateOnly(2025, 4, 6);

        Assert.Equal(new DateOnly(2027, 4, 6), RuleSets.Locc2009.TermEnd(elected));
        Assert.Equal(new DateOnly(2028, 4, 6), RuleSets.Locc2023.TermEnd(elected));
    }

    [Fact]
    public void Find_IsCaseInsensitive_AndUnknownIsNull()
    {
        Assert.Same(RuleSets.Locc2023, RuleSets.Find("locc-2023"));
        Assert.Null(RuleSets.Find("LOCC-1999"));
    }

    [Fact]
    public void CensusHealth_OutsideBounds_NamesTheRuleItBreaks()
    {
        var health = CensusHealth.Of(CouncilKind.Urban, 450, RuleSets.Locc2009);

        Assert.False(health.WithinBounds);
        Assert.Contains("LOCC-2009", health.BrokenRule, StringComparison.Ordinal);
        Assert.Contains("150–400", health.BrokenRule, StringComparison.Ordinal);
        Assert.Null(CensusHealth.Of(CouncilKind.Rural, 25, RuleSets.Locc2009).BrokenRule);
    }
}
