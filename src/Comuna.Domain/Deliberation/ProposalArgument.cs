namespace Comuna.Domain.Deliberation;

/// <summary>A resident's argument for or against a proposal, for the debate and its summary in the minutes.</summary>
public sealed class ProposalArgument
{
    public Guid Id { get; set; }
    public Guid ProposalId { get; set; }
    public Guid AuthorResidentId { get; set; }
    public ArgumentSide Side { get; set; }
    public required string Text { get; set; }
    public DateTime WrittenAtUtc { get; set; }
}
