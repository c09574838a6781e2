using Comuna.Planning.FoodPlan;

namespace Comuna.Planning.Tests.FoodPlan;

/// <summary>
/// The plans made from the products' networks without an LP solve: product after product,
/// improved one product at a time, and with truck space traded between products at route prices.
/// All must respect every route, even where one product has two lots at one place that compete
/// for the same truck.
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

    [Fact]
    public void Traded_MovesTruckSpaceToTheProductThatHasNoOtherRoad_WhereOneProductAtATimeCannot()
    {
        // Beans fill the road to Barquisimeto, where maize could also go, though beans have a road
        // of their own to Carora and maize has none: re-planned alone, maize finds the truck full and
        // beans stay on their cheaper road, so 10 t of maize are lost.
        var input = new PlanBuilder().Products("maiz", "caraota").Places("sanare", "barquisimeto", "carora")
            .Lot("sanare", "maiz", 10).Lot("sanare", "caraota", 10)
            .Need("barquisimeto", "maiz", 10).Need("barquisimeto", "caraota", 10).Need("carora", "caraota", 10)
            .Route("sanare", "barquisimeto", 2, capacity: 10)
            .Route("sanare", "carora", 3, capacity: 10)
            .Build();
        var (problem, arcs, products) = ProductNetworks.Of(input);
        var beansToBarquisimeto = Arc(problem, "caraota", "barquisimeto");
        var crowded = new double[problem.ArcCount];
        crowded[beansToBarquisimeto] = 10;
        var prices = new double[problem.RouteCount];
        prices[problem.ArcRoute[beansToBarquisimeto]] = 5; // more than the beans save on the cheaper road

        var improved = products.Improved(crowded, 3);
        var traded = products.Traded(crowded, prices);

        Assert.Equal(arcs.ObjectiveOf(crowded), arcs.ObjectiveOf(improved), 9);
        PlanAssert.RespectsEverything(problem, traded);
        Assert.Equal(10, traded[Arc(problem, "maiz", "barquisimeto")], 9);
        Assert.Equal(10, traded[Arc(problem, "caraota", "carora")], 9);
        var optimum = FlatPlanLp.Solve(input, problem.SpoiledPerUnit, problem.UnmetPerUnit).Objective - problem.ConstantObjective();
        Assert.Equal(optimum, arcs.ObjectiveOf(traded), 6);
    }

    [Theory]
    [InlineData(31, 0.05)]
    [InlineData(32, 0.08)]
    [InlineData(33, 0.1)]
    public void Traded_AtTheClimbsPrices_StaysWithinEveryRoute(int seed, double capacityShare)
    {
        // A trade may come out worse than the plan it started from (the solver keeps the better);
        // it must never leave a route, a supply or a need overdrawn.
        var input = ProductNetworks.Tight(seed, capacityShare);
        var (problem, arcs, products) = ProductNetworks.Of(input);
        double[]? plan = null;
        var prices = new RoutePriceAscent(products, problem.RouteCapacity)
            .Climb(50, products.Bound(new double[problem.RouteCount]), () => 0, made => plan = made, _ => false).Prices;

        var traded = products.Traded(plan!, prices);

        PlanAssert.RespectsEverything(problem, traded);
        Assert.NotEqual(arcs.ObjectiveOf(plan!), arcs.ObjectiveOf(traded));
        var optimum = FlatPlanLp.Solve(input, problem.SpoiledPerUnit, problem.UnmetPerUnit).Objective - problem.ConstantObjective();
        Assert.True(arcs.ObjectiveOf(traded) >= optimum - (1e-7 * Math.Abs(optimum)), $"{arcs.ObjectiveOf(traded):R} below the optimum {optimum:R}");
    }

    private static int Arc(PlanProblem problem, string product, string to) => Enumerable.Range(0, problem.ArcCount).Single(a =>
        problem.ProductIds[problem.SourceProduct[problem.ArcSource[a]]] == product
        && problem.PlaceIds[problem.DemandPlace[problem.ArcDemand[a]]] == to);
}
