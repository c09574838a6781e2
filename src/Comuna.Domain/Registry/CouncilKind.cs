namespace Comuna.Domain.Registry;

/// <summary>The kind of community a communal council serves; the law gives each its own size bounds.</summary>
public enum CouncilKind
{
    Urban,
    Rural,
    Indigenous,
}
