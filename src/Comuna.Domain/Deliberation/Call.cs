namespace Comuna.Domain.Deliberation;

/// <summary>
/// Which call an assembly opens on. On first call 30% of the eligible must be present; when that
/// fails, the assembly may be called a second time and meet with 20% (LOCC rule sets).
/// </summary>
public enum Call
{
    First,
    Second,
}
