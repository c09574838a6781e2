namespace Comuna.Domain.Deliberation;

/// <summary>A proposal is debated and may be amended until it goes to the vote; the vote decides it.</summary>
public enum ProposalStatus
{
    Debate,
    UnderVote,
    Approved,
    Rejected,
    Withdrawn,
}
