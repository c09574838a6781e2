namespace Comuna.Domain.Distribution;

/// <summary>A household as a round sees it: how many live in it and how many of them give it priority.</summary>
public sealed record HouseholdNeeds(Guid HouseholdId, string Code, int Members, int ChildrenUnder5, int Elderly, int Pregnant, int Malnourished);
