namespace Comuna.Domain.Deliberation;

/// <summary>
/// One ballot in the public log of a vote: a receipt only its voter knows, the choice, and the
/// hash chain that makes any later change, insertion or removal visible to whoever recounts.
/// </summary>
public sealed class VoteLogEntry
{
    public Guid Id { get; set; }
    public Guid VoteId { get; set; }
    public int Sequence { get; set; }
    public required string Receipt { get; set; }

    /// <summary>The choice in its canonical text: "yes", or options joined by '|' (in rank order for ranked votes).</summary>
    public required string Choice { get; set; }

    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
