namespace Comuna.Domain.Registry;

/// <summary>A family of the census, identified inside its council by a household code.</summary>
public sealed class Household
{
    public Guid Id { get; set; }
    public Guid CouncilId { get; set; }
    public CommunalCouncil? Council { get; set; }

    /// <summary>The census code of the household, unique within its council.</summary>
    public required string Code { get; set; }

    public required string Address { get; set; }
    public List<Resident> Members { get; set; } = [];
}
