using System.Text.Json.Serialization;

namespace Comuna.Application.Registry.Census;

/// <summary>One bad row of a census file: the physical line (the header is line 1), the column,
/// a stable code and a message a person can act on (English; <see cref="Text"/> is its template
/// and values, for a page to say it in its language).</summary>
public sealed record CensusRowError(int Line, string Field, string Code, string Message)
{
    [JsonIgnore]
    public FormattableString? Text { get; init; }
}

/// <summary>
/// What a census import did. When <see cref="Succeeded"/> is false nothing was saved, the counts
/// are zero, and <see cref="Errors"/> lists the bad rows (at most
/// <see cref="ImportCensus.MaxListedErrors"/> of them; <see cref="ErrorCount"/> counts them all).
/// </summary>
public sealed record CensusImportReport(
    int Rows,
    int HouseholdsCreated,
    int HouseholdsUpdated,
    int ResidentsCreated,
    int ResidentsUpdated,
    int ResidentsUnchanged,
    int ErrorCount,
    IReadOnlyList<CensusRowError> Errors,
    bool Succeeded);
