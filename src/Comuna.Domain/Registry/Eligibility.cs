namespace Comuna.Domain.Registry;

/// <summary>
/// Who belongs to the Citizens' Assembly on a given day: residents who have turned the rule set's
/// voting age (15) by then. Someone born on 2011-03-10 is eligible on 2026-03-10, not on 2026-03-09.
/// </summary>
public static class Eligibility
{
    /// <summary>The latest birth date of a person eligible on <paramref name="day"/>; usable in a database query.</summary>
    public static DateOnly BornOnOrBefore(DateOnly day, int votingAge) => day.AddYears(-votingAge);

    public static bool IsEligible(DateOnly birthDate, DateOnly day, int votingAge) =>
        birthDate <= BornOnOrBefore(day, votingAge);
}
