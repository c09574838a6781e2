namespace Comuna.Domain.Deliberation;

/// <summary>
/// What an assembly decided, from a vote that passed with quorum present. When it carries a
/// mandate, the bank may spend under it up to its amount and never beyond.
/// </summary>
public sealed class Decision
{
    public Guid Id { get; set; }
    public Guid AssemblyId { get; set; }
    public Guid VoteId { get; set; }
    public required string Text { get; set; }
    public DateTime DecidedAtUtc { get; set; }

    /// <summary>The council or commune bound by it (and whose funds a mandate may move).</summary>
    public Guid? CouncilId { get; set; }

    public Guid? CommuneId { get; set; }

    public string? MandatePurpose { get; set; }
    public long? MandateAmountMinor { get; set; }
    public string? MandateCurrency { get; set; }
    public string? MandateAction { get; set; }

    /// <summary>What the bank has spent under the mandate so far, in minor units.</summary>
    public long MandateSpentMinor { get; set; }

    public long? MandateRemainingMinor => MandateAmountMinor - MandateSpentMinor;
}
