namespace Comuna.Domain.Deliberation;

/// <summary>
/// What a resident asks the assembly to decide ("in a commune a proposal has to be debated in an
/// assembly"). It sits under an agenda item, gathers arguments for and against, may be amended
/// while in debate, and is decided by a yes/no/abstain vote.
/// </summary>
public sealed class Proposal
{
    public Guid Id { get; set; }
    public Guid AssemblyId { get; set; }
    public Guid AgendaItemId { get; set; }

    /// <summary>The order within its agenda item, in which the assembly takes it.</summary>
    public int Position { get; set; }

    public required string Title { get; set; }
    public required string Text { get; set; }
    public Guid AuthorResidentId { get; set; }
    public DateTime SubmittedAtUtc { get; set; }
    public ProposalStatus Status { get; set; }

    /// <summary>How many amendments it has taken; its text is the latest.</summary>
    public int Revision { get; set; }

    public Guid? VoteId { get; set; }
}
