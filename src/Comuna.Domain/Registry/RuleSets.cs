namespace Comuna.Domain.Registry;

/// <summary>The rule sets Comuna knows. A council names its own; new councils get <see cref="Default"/>.</summary>
public static class RuleSets
{
    /// <summary>Ley Orgánica de los Consejos Comunales, 2009: two-year terms.</summary>
    public static readonly RuleSet Locc2009 = new(
        Id: "LOCC-2009",
        Description: "Ley Orgánica de los Consejos Comunales (2009)",
        UrbanMinFamilies: 150,
        UrbanMaxFamilies: 400,
        RuralMinFamilies: 20,
        IndigenousMinFamilies: 10,
        VotingAge: 15,
        SpokespersonTermYears: 2,
        FirstCallQuorum: 0.30m,
        SecondCallQuorum: 0.20m,
        RecallPetitionShare: 0.10m,
        RecallReportDays: 15,
        // The councils' customary minimum notice of an assembly, 72 hours; kept here so a reform changes one line.
        AssemblyNoticeDays: 3);

    /// <summary>The 2023 reform: the same bounds, three-year terms.</summary>
    public static readonly RuleSet Locc2023 = Locc2009 with
    {
        Id = "LOCC-2023",
        Description = "Ley Orgánica de los Consejos Comunales (reforma 2023)",
        SpokespersonTermYears = 3,
    };

    public static RuleSet Default => Locc2009;

    public static IReadOnlyList<RuleSet> All { get; } = [Locc2009, Locc2023];

    public static RuleSet? Find(string id) =>
        All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
}
