using Comuna.Planning.FoodPlan;

namespace Comuna.Planning.Tests.FoodPlan;

/// <summary>
/// The route prices' ascent before the first LP solve: its bound must stay a bound (never above
/// the optimum of the flat programme solved whole), it must rise where capacity binds, and every
/// plan it offers must respect every supply, need and route.
/// </summary>
public sealed class RoutePriceAscentTests
{
    [Theory]
    [InlineData(11, 0.05)]
    [InlineData(12, 0.08)]
    [InlineData(13, 0.1)]
    [InlineData(14, 0.06)]
    public void Climb_RaisesTheBound_NeverPastTheOptimum_AndOffersOnlyPlansThatRespectEveryRoute(int seed, double capacityShare)
    {
        var input = ProductNetworks.Tight(seed, capacityShare);
        var (problem, arcs, products) = ProductNetworks.Of(input);
        var atZero = products.Bound(new double[problem.RouteCount]);
        var first = products.OneAfterAnother(new double[problem.RouteCount]);
        var best = arcs.ObjectiveOf(first);
        var offered = 0;

        var outcome = new RoutePriceAscent(products, problem.RouteCapacity).Climb(300, atZero, () => best, plan =>
        {
            PlanAssert.RespectsEverything(problem, plan);
            offered++;
            best = Math.Min(best, arcs.ObjectiveOf(plan));
        }, _ => false);

        // The flat programme's optimum in the same saving form (its objective less what nothing shipped would cost).
        var optimum = FlatPlanLp.Solve(input, problem.SpoiledPerUnit, problem.UnmetPerUnit).Objective - problem.ConstantObjective();
        var tolerance = 1e-7 * Math.Abs(optimum);
        Assert.True(outcome.Bound > atZero + tolerance, $"the bound should rise where routes fill: {atZero:R} → {outcome.Bound:R}");
        Assert.True(outcome.Bound <= optimum + tolerance, $"bound {outcome.Bound:R} above the optimum {optimum:R}");
        Assert.True(offered > 0, "the ascent should offer at least the plan at its best prices");
        Assert.True(best >= optimum - tolerance, $"a plan {best:R} better than the optimum {optimum:R} cannot respect every route");
        Assert.All(outcome.Prices, p => Assert.True(p >= 0));
        Assert.True(Math.Abs(products.Bound(outcome.Prices) - outcome.Bound) <= tolerance, "the prices returned should prove the bound returned");
    }

    [Theory]
    [InlineData(11, 0.05)]
    [InlineData(12, 0.08)]
    [InlineData(13, 0.1)]
    [InlineData(14, 0.06)]
    public void ThePlanOfTheClimbsAverage_BeatsThePlansOfItsLastStepAndOfItsBestPrices(int seed, double capacityShare)
    {
        var (problem, arcs, products) = ProductNetworks.Of(ProductNetworks.Tight(seed, capacityShare));
        var atZero = products.Bound(new double[problem.RouteCount]);
        var best = double.PositiveInfinity;

        var outcome = new RoutePriceAscent(products, problem.RouteCapacity).Climb(300, atZero, () => Math.Min(0, best), plan =>
        {
            PlanAssert.RespectsEverything(problem, plan);
            best = Math.Min(best, arcs.ObjectiveOf(plan));
        }, _ => false);
        var lastStep = arcs.ObjectiveOf(products.Improved(products.WithinRoutes(products.Quantities()), 1));
        var productAfterProduct = arcs.ObjectiveOf(products.Improved(products.OneAfterAnother(outcome.Prices), 1));

        Assert.True(best < lastStep, $"the average's plan {best:R} should beat {lastStep:R}, made the same way from the last step alone");
        Assert.True(best < productAfterProduct, $"the average's plan {best:R} should beat {productAfterProduct:R}, made product after product at the best prices");
    }

    [Fact]
    public void Plan_WhoseRoutesNeverFill_IsProvenByTheProductsAlone_WithoutAnLpSolve()
    {
        var generated = ProductNetworks.Tight(15, 1);
        var input = generated with { Routes = [.. generated.Routes!.Select(r => r! with { Capacity = null })] };
        var problem = PlanBuilder.Problem(input);

        var planned = FoodPlanner.Plan(problem, PlanPolicy.ProductionFirst, compare: false);
        var flat = FlatPlanLp.Solve(input, problem.SpoiledPerUnit, problem.UnmetPerUnit);

        Assert.Equal("optimal", planned.Status);
        Assert.Equal(0, planned.Summary.Statistics.Rounds);
        PlanAssert.SameOptimum(planned, flat.Objective);
    }
}
