namespace Comuna.Domain.Registry;

/// <summary>A parish, the smallest division of the territory; communes and councils sit in one.
/// Its id is the municipality's id × 100 + its position.</summary>
public sealed class Parish
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public Municipality? Municipality { get; set; }
    public required string Name { get; set; }
}
