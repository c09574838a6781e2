using Comuna.Domain.Deliberation;

namespace Comuna.Application.Deliberation;

/// <summary>A ballot: one choice (yes/no/abstain) or several (approval, ranked). With
/// <see cref="ResidentId"/>, a spokesperson enters a paper ballot for a person present.</summary>
public sealed record BallotInput(string? Choice, IReadOnlyList<string>? Choices, Guid? ResidentId, BallotChannel Channel);
