namespace Comuna.Domain.Deliberation;

/// <summary>
/// A question put to an assembly. Its question, kind, options and secrecy are frozen once it
/// opens: the first entry of its log commits to them (<see cref="VoteChain.Genesis"/>).
/// </summary>
public sealed class Vote
{
    public Guid Id { get; set; }
    public Guid AssemblyId { get; set; }
    public Guid? AgendaItemId { get; set; }
    public required string Question { get; set; }
    public VoteKind Kind { get; set; }
    public bool Secret { get; set; }

    /// <summary>The options of an approval or ranked vote, or the candidates' names of an election;
    /// empty for yes/no/abstain, whose options are fixed.</summary>
    public List<string> Options { get; set; } = [];

    /// <summary>For an election, the post it fills; null for every other kind.</summary>
    public ElectionPost? Post { get; set; }

    /// <summary>For an election, the residents standing, in the order of <see cref="Options"/>.</summary>
    public List<Guid> Candidates { get; set; } = [];

    public VoteStatus Status { get; set; }
    public DateTime? OpenedAtUtc { get; set; }
    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>Ballots counted so far; also the sequence of the last log entry. Raising it first in
    /// each ballot's transaction takes the vote's row lock, so ballots append to the chain one at a time.</summary>
    public int BallotCount { get; set; }

    /// <summary>Those present when it closed: the base of "a majority of those present".</summary>
    public int? PresentAtClose { get; set; }

    /// <summary>The mandate the decision carries if the vote passes (money or an action), or null.</summary>
    public MandateTerms? MandateIfApproved { get; set; }
}
