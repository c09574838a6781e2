using Comuna.Planning.FoodPlan;

namespace Comuna.Planning.Tests.FoodPlan;

/// <summary>
/// The plans made from the products' networks without an LP solve: product after product, and
/// improved one product at a time. Both must respect every route, even where one product has two
/// lots at one place that compete for the same truck.
/// </summary>
public sealed class ProductFlowsTests
{
    [Fact]
    public void TwoLotsOfOnePlace_ShareTheTruckOfTheirRoute_InEveryPlan()
    {
        // Two harvests of maize at Sanare, 100 t each, for 200 t needed at Barquisimeto over a road that carries 120 t.
        var input = new PlanBuilder().Products("maiz").Places("sanare", "barquisimeto")
            .Lot("sanare", "maiz", 100, available: 0, spoils: 10)
            .Lot("sanare", "maiz", 100, available: 1, spoils: 10)
            .Need("barquisimeto", "maiz", 200)
            .Route("sanare", "barquisimeto", 2, capacity: 120)
            .Build();
        var (problem, arcs, products) = ProductNetworks.Of(input);

        var first = products.OneAfterAnother(new double[problem.RouteCount]);
        var improved = products.Improved(first, 2);
        var planned = FoodPlanner.Plan(problem, PlanPolicy.ProductionFirst, compare: false);

        PlanAssert.RespectsEverything(problem, first);
        PlanAssert.RespectsEverything(problem, improved);
        Assert.Equal(120, first.Sum(), 6);
        Assert.Equal("optimal", planned.Status);
        Assert.Equal(120, planned.Shipments.Sum(s => s.Quantity), 6);
        Assert.Equal(80, planned.Spoiled.Sum(s => s.Quantity), 6);
        Assert.True(arcs.ObjectiveOf(improved) <= arcs.ObjectiveOf(first) + 1e-9);
    }

    [Theory]
    [InlineData(21, 0.05)]
    [InlineData(22, 0.1)]
    [InlineData(23, 0.07)]
    public void Improved_IsNeverWorse_AndStaysWithinEveryRoute(int seed, double capacityShare)
    {
        var input = ProductNetworks.Tight(seed, capacityShare);
        var (problem, arcs, products) = ProductNetworks.Of(input);
        // Planned at route prices, a product leaves room it does not need at its own costs; planned
        // at its own costs (no prices), the plan is already the best one product at a time.
        var prices = new RoutePriceAscent(products, problem.RouteCapacity)
            .Climb(50, products.Bound(new double[problem.RouteCount]), () => 0, _ => { }, _ => false).Prices;
        var first = products.OneAfterAnother(prices);

        var once = products.Improved(first, 1);
        var thrice = products.Improved(first, 3);

        PlanAssert.RespectsEverything(problem, once);
        PlanAssert.RespectsEverything(problem, thrice);
        Assert.True(arcs.ObjectiveOf(once) <= arcs.ObjectiveOf(first) + 1e-9, $"{arcs.ObjectiveOf(once):R} after {arcs.ObjectiveOf(first):R}");
        Assert.True(arcs.ObjectiveOf(thrice) <= arcs.ObjectiveOf(once) + 1e-9, $"{arcs.ObjectiveOf(thrice):R} after {arcs.ObjectiveOf(once):R}");
        Assert.True(arcs.ObjectiveOf(thrice) < arcs.ObjectiveOf(first), "re-planning one product at a time at its own costs should gain on a plan made at route prices");
    }

    [Theory]
    [InlineData(24, 0.05)]
    [InlineData(25, 0.1)]
    public void WithinRoutes_ScalesAnOverloadedPlanDownToEveryRoutesCapacity_AndLeavesTheOtherRoutesAlone(int seed, double capacityShare)
    {
        var (problem, _, products) = ProductNetworks.Of(ProductNetworks.Tight(seed, capacityShare));
        products.Bound(new double[problem.RouteCount]); // every product at its own costs: routes overloaded
        var overloaded = products.Quantities();
        var load = new double[problem.RouteCount];
        products.RouteLoads(load);
        Assert.Contains(Enumerable.Range(0, load.Length), r => load[r] > problem.RouteCapacity[r] + 1e-6);

        var within = products.WithinRoutes(overloaded);

        PlanAssert.RespectsEverything(problem, within);
        for (var a = 0; a < within.Length; a++)
        {
            var r = problem.ArcRoute[a];
            if (r < 0 || load[r] <= problem.RouteCapacity[r])
                Assert.Equal(overloaded[a], within[a]);
            else
                Assert.Equal(overloaded[a] * problem.RouteCapacity[r] / load[r], within[a], 9);
        }
    }
}
