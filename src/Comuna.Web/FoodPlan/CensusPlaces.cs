using Comuna.Application.FoodPlan;
using Comuna.Planning.FoodPlan;

namespace Comuna.Web.FoodPlan;

/// <summary>The registry's communes as the plan's places: by code, with their families and their seat.</summary>
public static class CensusPlaces
{
    public static IReadOnlyList<PlaceFamilies> Of(IEnumerable<CommuneFamilies> communes) =>
        [.. communes.Select(c => new PlaceFamilies(c.Code, c.Name, c.Families, c.Latitude, c.Longitude))];
}
