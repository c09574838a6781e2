namespace Comuna.Domain.Registry;

/// <summary>A state of Venezuela, or the Capital District (ISO 3166-2 code such as VE-A).</summary>
public sealed class FederalEntity
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Capital { get; set; }
    public required string IsoCode { get; set; }
    public List<Municipality> Municipalities { get; set; } = [];
}
