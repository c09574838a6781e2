namespace Comuna.Domain.FoodPlan;

/// <summary>
/// What a published plan sends of one product from one place, over every route out of it: the
/// figure a producing commune (or a port) prepares its loads from, as <see cref="PlanDelivery"/>
/// is what a receiving one expects. Written once, when the plan is published, from the plan's
/// shipments; a published plan is never changed.
/// </summary>
public sealed class PlanDispatch
{
    public required string PlanId { get; set; }

    /// <summary>The sending place's id in the plan: a commune's code when the plan was made from the registry.</summary>
    public required string Place { get; set; }

    /// <summary>The product's id in the plan.</summary>
    public required string Product { get; set; }

    /// <summary>The product as people call it ("Maíz").</summary>
    public required string ProductName { get; set; }

    /// <summary>The product's unit ("kg", "t").</summary>
    public required string Unit { get; set; }

    public double Quantity { get; set; }
}
