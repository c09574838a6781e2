namespace Comuna.Web.Pages.FoodPlan;

/// <summary>What both plan forms ask beside the inputs: the policy and the margin (<see cref="Comuna.Web.FoodPlan.PlanMargin"/>).</summary>
public sealed record PlanChoices(string Policy, string? Margin);
