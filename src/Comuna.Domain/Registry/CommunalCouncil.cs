namespace Comuna.Domain.Registry;

/// <summary>The community of one neighbourhood or village: 20 to 400 families, depending on its kind.</summary>
public sealed class CommunalCouncil
{
    public Guid Id { get; set; }

    /// <summary>The registry code, unique in the country.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }
    public CouncilKind Kind { get; set; }
    public int ParishId { get; set; }
    public Parish? Parish { get; set; }

    /// <summary>The commune the council has joined, if any.</summary>
    public Guid? CommuneId { get; set; }

    public Commune? Commune { get; set; }

    /// <summary>The families the council declared when it registered; the census may later say otherwise.</summary>
    public int DeclaredFamilies { get; set; }

    /// <summary>The rule set whose bounds and terms govern this council (e.g. LOCC-2009).</summary>
    public required string RuleSetId { get; set; }

    public List<Household> Households { get; set; } = [];
}
