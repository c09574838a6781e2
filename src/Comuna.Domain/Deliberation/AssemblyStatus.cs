namespace Comuna.Domain.Deliberation;

/// <summary>Where an assembly is in its life: convened, in session (attendance and votes), closed (minutes written).</summary>
public enum AssemblyStatus
{
    Convened,
    InSession,
    Closed,
}
