namespace Comuna.Domain.Deliberation;

/// <summary>How a question is answered.</summary>
public enum VoteKind
{
    /// <summary>Yes, no or abstain; carried by a majority of those present.</summary>
    YesNoAbstain,

    /// <summary>Each voter approves any number of options; the most approved wins.</summary>
    Approval,

    /// <summary>Each voter ranks the options; the Schulze method orders them (used to prioritise problems).</summary>
    Ranked,

    /// <summary>
    /// The election of a spokesperson to one post: always secret, one candidate per ballot; the
    /// candidate with the most votes takes the post, and a tie at the top elects nobody.
    /// </summary>
    Election,
}
