namespace Comuna.Domain.Distribution;

/// <summary>
/// The signed acta of a closed round: its public content (counts, never names) as canonical JSON,
/// who signed it, and a checkpoint hash over the content and the council's previous delivery
/// minutes, so that rewriting any past acta breaks every checkpoint after it.
/// </summary>
public sealed class DeliveryMinutes
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public DateTime WrittenAtUtc { get; set; }
    public required string SignedBy { get; set; }
    public required string Content { get; set; }
    public required string PreviousCheckpoint { get; set; }
    public required string Checkpoint { get; set; }
}
