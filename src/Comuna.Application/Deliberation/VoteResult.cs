using Comuna.Domain.Deliberation;

namespace Comuna.Application.Deliberation;

/// <summary>A closed vote's outcome: the tally, those present, whether it passed, and the decision it made.</summary>
public sealed record VoteResult(Vote Vote, Tally Tally, int Present, bool QuorumMet, bool Passed, Guid? DecisionId);
