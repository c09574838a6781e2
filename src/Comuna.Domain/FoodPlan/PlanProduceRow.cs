namespace Comuna.Domain.FoodPlan;

/// <summary>
/// What a published plan moves of one product at one place, over every route into or out of it:
/// the shape <see cref="PlanDelivery"/> (what arrives) and <see cref="PlanDispatch"/> (what leaves)
/// share. Written once, when the plan is published, from the plan's shipments; a published plan is
/// never changed.
/// </summary>
public abstract class PlanProduceRow
{
    public required string PlanId { get; set; }

    /// <summary>The place's id in the plan: a commune's code when the plan was made from the registry.</summary>
    public required string Place { get; set; }

    /// <summary>The product's id in the plan.</summary>
    public required string Product { get; set; }

    /// <summary>The product as people call it ("Tomate").</summary>
    public required string ProductName { get; set; }

    /// <summary>The product's unit ("kg", "t").</summary>
    public required string Unit { get; set; }

    public double Quantity { get; set; }
}
