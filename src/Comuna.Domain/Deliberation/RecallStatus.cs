namespace Comuna.Domain.Deliberation;

/// <summary>
/// A recall gathers signatures until 10% of the eligible have signed (or social oversight raises
/// it), goes on an assembly's agenda, and the assembly decides.
/// </summary>
public enum RecallStatus
{
    Collecting,
    Qualified,
    OnAgenda,
    Recalled,
    Kept,
}
