namespace Comuna.Domain.Deliberation;

/// <summary>One amendment of a proposal, kept whole: the text before and after, so nobody rewrites a proposal unseen.</summary>
public sealed class ProposalAmendment
{
    public Guid Id { get; set; }
    public Guid ProposalId { get; set; }
    public int Revision { get; set; }
    public required string PreviousText { get; set; }
    public required string NewText { get; set; }
    public Guid AuthorResidentId { get; set; }
    public DateTime AmendedAtUtc { get; set; }
}
