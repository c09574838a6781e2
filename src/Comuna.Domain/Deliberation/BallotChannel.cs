namespace Comuna.Domain.Deliberation;

/// <summary>How a ballot reached the count: from the voter's own account, or entered from paper by a spokesperson.</summary>
public enum BallotChannel
{
    Online,
    Paper,
}
