namespace Comuna.Domain.Distribution;

/// <summary>What the health committee records about a resident that gives their household priority.</summary>
public enum HealthFlagKind
{
    Pregnant,
    Malnutrition,
}
