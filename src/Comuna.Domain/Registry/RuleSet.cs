namespace Comuna.Domain.Registry;

/// <summary>
/// The numbers a law fixes, under one versioned id. Laws are reformed (councils law 2023, communes
/// law 2025), so code asks the council's rule set instead of writing these numbers down.
/// </summary>
public sealed record RuleSet(
    string Id,
    string Description,
    int UrbanMinFamilies,
    int UrbanMaxFamilies,
    int RuralMinFamilies,
    int IndigenousMinFamilies,
    int VotingAge,
    int SpokespersonTermYears,
    decimal FirstCallQuorum,
    decimal SecondCallQuorum,
    decimal RecallPetitionShare,
    int RecallReportDays,
    int AssemblyNoticeDays)
{
    /// <summary>The family-count bounds of a council of this kind; <c>Max</c> is null where the law sets none.</summary>
    public FamilyBounds BoundsFor(CouncilKind kind) => kind switch
    {
        CouncilKind.Urban => new FamilyBounds(UrbanMinFamilies, UrbanMaxFamilies),
        CouncilKind.Rural => new FamilyBounds(RuralMinFamilies, null),
        CouncilKind.Indigenous => new FamilyBounds(IndigenousMinFamilies, null),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown council kind."),
    };

    /// <summary>The day a spokesperson elected on <paramref name="electedOn"/> ends their term.</summary>
    public DateOnly TermEnd(DateOnly electedOn) => electedOn.AddYears(SpokespersonTermYears);
}
