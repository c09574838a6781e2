using Comuna.Domain.Registry;

namespace Comuna.Domain.Tests.Registry;

public sealed class EligibilityTests
{
    [Theory]
    [InlineData("2011-03-10", "2026-03-10", true)]
    [InlineData("2011-03-10", "2026-03-09", false)]
    [InlineData("1950-01-01", "2026-03-09", true)]
    [InlineData("2020-06-01", "2026-03-09", false)]
    public void IsEligible_TurnsTrueOnTheFifteenthBirthday(string born, string day, bool expected) =>
        Assert.Equal(expected, Eligibility.IsEligible(DateOnly.Parse(born), DateOnly.Parse(day), RuleSets.Default.VotingAge));

    [Fact]
    public void IsEligible_BornOnLeapDay_IsEligibleOnTheFirstOfMarchOfACommonYear()
    {
        // Someone born on 29 February has not completed fifteen years until that day has passed.
        var born = new DateOnly(2008, 2, 29);

        Assert.False(Eligibility.IsEligible(born, new DateOnly(2023, 2, 28), 15));
        Assert.True(Eligibility.IsEligible(born, new DateOnly(2023, 3, 1), 15));
    }
}
