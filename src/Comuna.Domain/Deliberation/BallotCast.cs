namespace Comuna.Domain.Deliberation;

/// <summary>
/// That a resident has voted in a vote: UNIQUE(vote, resident) is what makes one ballot per voter
/// true under any concurrency. For a secret vote it says nothing of the choice, which lives only in
/// the anonymous <see cref="VoteLogEntry"/>; for an open (roll-call) vote the choice is shown here.
/// </summary>
public sealed class BallotCast
{
    public Guid Id { get; set; }
    public Guid VoteId { get; set; }
    public Guid ResidentId { get; set; }
    public BallotChannel Channel { get; set; }

    /// <summary>The choice, for open votes only.</summary>
    public string? OpenChoice { get; set; }

    /// <summary>The account that entered a paper ballot.</summary>
    public string? EnteredBy { get; set; }
}
