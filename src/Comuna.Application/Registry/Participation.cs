namespace Comuna.Application.Registry;

/// <summary>
/// A council or a commune where someone holds a role, for their front page: the way straight to
/// the places they work in, instead of through the territory.
/// </summary>
public sealed record Participation(Guid Id, string Name, bool IsCouncil);
