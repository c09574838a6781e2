namespace Comuna.Domain.FoodPlan;

/// <summary>
/// What a published plan sends of one product from one place, over every route out of it: the
/// figure a producing commune (or a port) prepares its loads from, as <see cref="PlanDelivery"/>
/// is what a receiving one expects.
/// </summary>
public sealed class PlanDispatch : PlanProduceRow;
