namespace Comuna.Domain.FoodPlan;

/// <summary>
/// What a published plan delivers of one product to one place, over every route into it: the
/// figure the councils of a receiving commune open their rounds of produce from.
/// </summary>
public sealed class PlanDelivery : PlanProduceRow;
