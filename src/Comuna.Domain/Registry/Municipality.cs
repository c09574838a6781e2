namespace Comuna.Domain.Registry;

/// <summary>A municipality of a federal entity. Its id is the entity's id × 100 + its position.</summary>
public sealed class Municipality
{
    public int Id { get; set; }
    public int FederalEntityId { get; set; }
    public FederalEntity? FederalEntity { get; set; }
    public required string Name { get; set; }
    public required string Capital { get; set; }
    public List<Parish> Parishes { get; set; } = [];
}
