using Comuna.Planning.FoodPlan;

namespace Comuna.Planning.Tests.FoodPlan;

/// <summary>The products' networks of a whole plan (every supply enabled, the plan's own needs and routes), and instances whose routes fill.</summary>
internal static class ProductNetworks
{
    /// <summary>
    /// A seeded country of 20 producers and 60 consumers with <paramref name="products"/> products, whose roads carry <paramref name="capacityShare"/> of a producer's harvest each;
    /// a producer needs a product with chance <paramref name="producerNeedChance"/> (served where it grows, over no route).
    /// </summary>
    public static PlanInput Tight(int seed, double capacityShare, int products = 6, double producerNeedChance = 0) => SyntheticPlan.Generate(new SyntheticPlan.Shape
    {
        Consumers = 60,
        Producers = 20,
        Products = products,
        Nearest = 8,
        Ports = 2,
        PortReach = 15,
        LotChance = 0.8,
        CapacityShare = capacityShare,
        ProducerNeedChance = producerNeedChance,
    }, seed);

    public static (PlanProblem Problem, FlowArcs Arcs, ProductFlows Products) Of(PlanInput input)
    {
        var problem = PlanBuilder.Problem(input);
        var enabled = Enumerable.Repeat(true, problem.SourceCount).ToArray();
        var arcs = new FlowArcs(problem, enabled, problem.DemandQuantity, problem.RouteCapacity);
        return (problem, arcs, new ProductFlows(problem, arcs, problem.DemandQuantity, problem.RouteCapacity, CancellationToken.None));
    }
}
