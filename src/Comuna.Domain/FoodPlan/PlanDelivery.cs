namespace Comuna.Domain.FoodPlan;

/// <summary>
/// What a published plan delivers of one product to one place, over every route into it: the
/// figure the councils of a receiving commune open their rounds of produce from. Written once,
/// when the plan is published, from the plan's shipments; a published plan is never changed.
/// </summary>
public sealed class PlanDelivery
{
    public required string PlanId { get; set; }

    /// <summary>The receiving place's id in the plan: a commune's code when the needs came from the census.</summary>
    public required string Place { get; set; }

    /// <summary>The product's id in the plan.</summary>
    public required string Product { get; set; }

    /// <summary>The product as people call it ("Tomate").</summary>
    public required string ProductName { get; set; }

    /// <summary>The product's unit ("kg", "t").</summary>
    public required string Unit { get; set; }

    public double Quantity { get; set; }
}
