using System.Text.Json.Serialization;
using Comuna.Domain.Registry;

namespace Comuna.Application.Registry;

/// <summary>A state or the Capital District, with its counts.</summary>
public sealed record StateView(int Id, string Name, string Capital, string IsoCode, PopulationCounts Counts);

public sealed record MunicipalityView(int Id, int StateId, string Name, string Capital, PopulationCounts Counts);

public sealed record ParishView(int Id, int MunicipalityId, string Name, PopulationCounts Counts);

/// <summary>Where a parish sits, for breadcrumbs: state › municipality › parish.</summary>
public sealed record PlaceView(int StateId, string StateName, int MunicipalityId, string MunicipalityName, int ParishId, string ParishName);

/// <summary>A commune as a form offers it: its name, code and parish, without counts.</summary>
public sealed record CommuneChoice(Guid Id, string Code, string Name, int ParishId);

public sealed record CommuneView(
    Guid Id, string Code, string Name, int ParishId, DateOnly? FoundedOn, string? Charter, PopulationCounts Counts,
    double? Latitude = null, double? Longitude = null);

public sealed record CouncilView(
    Guid Id,
    string Code,
    string Name,
    CouncilKind Kind,
    int ParishId,
    Guid? CommuneId,
    int DeclaredFamilies,
    string RuleSetId,
    PopulationCounts Counts,
    CensusHealthView Census);

/// <summary>Whether the census fits the council's bounds, and if not, which rule it breaks.</summary>
public sealed record CensusHealthView(bool WithinBounds, int MinFamilies, int? MaxFamilies, string? BrokenRule)
{
    /// <summary><see cref="BrokenRule"/> as its template and values, for a page to say it in its language.</summary>
    [JsonIgnore]
    public FormattableString? BrokenRuleText { get; init; }

    public static CensusHealthView Of(CensusHealth health) =>
        new(health.WithinBounds, health.Bounds.Min, health.Bounds.Max, health.BrokenRule) { BrokenRuleText = health.BrokenRuleText };
}

public sealed record HouseholdView(Guid Id, Guid CouncilId, string Code, string Address, int Members);

public sealed record ResidentView(
    Guid Id,
    string NationalId,
    Guid HouseholdId,
    string FirstNames,
    string LastNames,
    DateOnly BirthDate,
    Sex Sex,
    bool Eligible);

/// <summary>A spokesperson as the public sees them: name, unit, committee and term. Their national
/// id and household stay in the census.</summary>
public sealed record SpokespersonView(
    Guid Id, Guid ResidentId, string Name, SpokespersonUnit Unit, string? Committee, DateOnly ElectedOn, DateOnly TermEndsOn, bool InOffice,
    Guid? ElectedInVoteId = null);
