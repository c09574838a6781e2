using Comuna.Domain.Deliberation;

namespace Comuna.Application.Deliberation;

public sealed record AssemblyView(
    Guid Id, Guid? CouncilId, Guid? CommuneId, DateTime StartsAt, string Place, AssemblyStatus Status, Call? Call,
    DateTime? OpenedAt, DateTime? ClosedAt, int? Eligible, int? QuorumRequired, int Present, bool QuorumMet,
    IReadOnlyList<AgendaItemView> Agenda, IReadOnlyList<VoteView> Votes, DateTime ConvenedAt, int NoticeDaysRequired)
{
    /// <summary>Convened with less notice than the rule set asks: allowed (communities meet when they
    /// must) but shown, so nobody can say later they were not told in time without it being on record.</summary>
    public bool ShortNotice => StartsAt - ConvenedAt < TimeSpan.FromDays(NoticeDaysRequired);
}

public sealed record AgendaItemView(Guid Id, int Position, string Title, string? DebateSummary);

public sealed record VoteView(
    Guid Id, Guid? AgendaItemId, string Question, VoteKind Kind, bool Secret, IReadOnlyList<string> Options, VoteStatus Status,
    int Ballots, MandateTerms? Mandate, ElectionPost? Post = null, IReadOnlyList<Guid>? Candidates = null);

public sealed record TallyView(
    int Ballots,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<string> Ranking,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>? Pairwise,
    int Present,
    bool QuorumMet,
    bool Passed,
    VoteStatus Status,
    Guid? DecisionId);

public sealed record LogEntryView(int Sequence, string Receipt, object Choice, string PreviousHash, string Hash);

public sealed record RollCallView(Guid ResidentId, string Name, string Choice, BallotChannel Channel);

public sealed record AttendeeView(Guid ResidentId, string Name, string NationalId, DateTime CheckedInAt, AttendanceChannel Channel);

public sealed record MandateView(string? Purpose, long? Amount, string? Currency, string? Action, long Spent, long? Remaining);

public sealed record DecisionView(Guid Id, Guid AssemblyId, Guid VoteId, string Text, DateTime DecidedAt, Guid? CouncilId, Guid? CommuneId, MandateView? Mandate);

public sealed record MinutesView(Guid AssemblyId, DateTime WrittenAt, MinutesContent Content, string PreviousCheckpoint, string Checkpoint);

public sealed record ProposalView(
    Guid Id, Guid AssemblyId, Guid AgendaItemId, int Position, string Title, string Text, Guid AuthorResidentId, string AuthorName,
    DateTime SubmittedAt, ProposalStatus Status, int Revision, Guid? VoteId,
    IReadOnlyList<ArgumentView> Arguments, IReadOnlyList<AmendmentView> Amendments);

public sealed record ArgumentView(Guid Id, ArgumentSide Side, string Text, string AuthorName, DateTime WrittenAt);

public sealed record AmendmentView(int Revision, string PreviousText, string NewText, string AuthorName, DateTime AmendedAt);

public sealed record RecallView(
    Guid Id, Guid CouncilId, Guid SpokespersonId, string SpokespersonName, string Reason, bool RaisedByOversight, DateTime OpenedAt,
    int Signatures, int SignaturesRequired, DateOnly OversightReportDueOn, RecallStatus Status, Guid? AssemblyId, Guid? VoteId);

public sealed record SeatView(Guid Id, Guid ResidentId, string Name, SeatKind Kind, Guid? CouncilId, DateOnly ElectedOn, DateOnly TermEndsOn, bool InOffice);
