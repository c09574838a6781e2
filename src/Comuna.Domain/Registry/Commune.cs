namespace Comuna.Domain.Registry;

/// <summary>
/// Neighbouring communal councils that share a history and a productive base, founded by a
/// referendum on their charter (for instance Panal 2021, eight councils of 23 de Enero).
/// </summary>
public sealed class Commune
{
    public Guid Id { get; set; }

    /// <summary>The registry code, unique in the country.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }
    public int ParishId { get; set; }
    public Parish? Parish { get; set; }
    public DateOnly? FoundedOn { get; set; }

    /// <summary>The founding charter's text or summary, as approved in the referendum.</summary>
    public string? Charter { get; set; }

    /// <summary>Where the commune's seat is, in decimal degrees (WGS 84); both or neither are known.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public List<CommunalCouncil> Councils { get; set; } = [];
}
