namespace Comuna.Application.Deliberation;

/// <summary>
/// What the minutes say, in the order a reader takes it in. Serialized as canonical JSON, it is
/// the text the checkpoint hash covers.
/// </summary>
public sealed record MinutesContent(
    Guid AssemblyId,
    string CouncilCode,
    string CouncilName,
    string Place,
    DateTime StartsAtUtc,
    string? Call,
    DateTime? OpenedAtUtc,
    DateTime ClosedAtUtc,
    int Eligible,
    int QuorumRequired,
    int Present,
    IReadOnlyList<MinutesItem> Agenda,
    IReadOnlyList<MinutesVote> Votes,
    IReadOnlyList<MinutesDecision> Decisions,
    MinutesBooks? Books);

public sealed record MinutesItem(int Position, string Title, string? DebateSummary, IReadOnlyList<MinutesProposal> Proposals);

/// <summary>A proposal as the minutes record it: its final text, the debate's weight on each side, its fate.</summary>
public sealed record MinutesProposal(Guid Id, string Title, string Text, int Revision, int ArgumentsFor, int ArgumentsAgainst, string Status, Guid? VoteId);

public sealed record MinutesVote(
    Guid Id, Guid? AgendaItemId, string Question, string Kind, bool Secret, int Ballots,
    IReadOnlyDictionary<string, int> Counts, IReadOnlyList<string> Ranking, int Present, bool QuorumMet, bool Passed, string LogHead);

public sealed record MinutesDecision(Guid Id, Guid VoteId, string Text, string? MandatePurpose, long? MandateAmountMinor, string? MandateCurrency, string? MandateAction);
