namespace Comuna.Domain.Deliberation;

/// <summary>A vote is prepared, then open for ballots (its rules frozen), then closed and counted.</summary>
public enum VoteStatus
{
    Prepared,
    Open,
    Closed,
}
