namespace Comuna.Domain.Deliberation;

/// <summary>
/// A written request to recall a spokesperson. Social oversight reports on it within the rule set's
/// days (15 under LOCC); the assembly's vote on it decides whether the spokesperson's term ends.
/// </summary>
public sealed class RecallPetition
{
    public Guid Id { get; set; }
    public Guid CouncilId { get; set; }
    public Guid SpokespersonId { get; set; }
    public required string Reason { get; set; }
    public bool RaisedByOversight { get; set; }
    public DateTime OpenedAtUtc { get; set; }

    /// <summary>Signatures needed: the rule set's share of the residents eligible when it opened, rounded up.</summary>
    public int SignaturesRequired { get; set; }

    public DateOnly OversightReportDueOn { get; set; }
    public RecallStatus Status { get; set; }
    public Guid? AssemblyId { get; set; }
    public Guid? VoteId { get; set; }
}
