namespace Comuna.Domain.Distribution;

/// <summary>A round is open while it hands out; closing it writes its delivery minutes.</summary>
public enum RoundStatus
{
    Open,
    Closed,
}
