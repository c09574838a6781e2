namespace Comuna.Domain.FoodPlan;

/// <summary>What a food plan run is doing, or how it ended.</summary>
public enum PlanRunState
{
    Running,
    Done,
    Cancelled,
    Failed,

    /// <summary>The server stopped while the plan was being made: its inputs are kept, its result never came.</summary>
    Interrupted,
}
