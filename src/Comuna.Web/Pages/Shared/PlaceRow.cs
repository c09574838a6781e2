using Comuna.Application.Registry;

namespace Comuna.Web.Pages.Shared;

/// <summary>One line of a territory table: a state, municipality or parish with its counts.</summary>
public sealed record PlaceRow(string Href, string Name, PopulationCounts Counts);
