using Comuna.Domain.Registry;

namespace Comuna.Application.Registry.Census;

/// <summary>A census row whose every field passed <see cref="ResidentRules"/>, waiting in a batch.</summary>
internal sealed record CensusRow(
    int Line,
    string HouseholdCode,
    string NationalId,
    string FirstNames,
    string LastNames,
    DateOnly BirthDate,
    Sex Sex,
    string Address);
