using Comuna.Planning.FoodPlan;

namespace Comuna.Planning.Tests.FoodPlan;

/// <summary>
/// The prices of supplies, needs and routes in turns, after a short climb of the route prices: the
/// bound must stay a bound (never above the flat programme's optimum), must never fall, must rise
/// where the climb stalled, and the route prices it ends at must prove it.
/// </summary>
public sealed class BlockPriceDescentTests
{
    [Theory]
    [InlineData(11, 0.05, 0.0)]
    [InlineData(12, 0.08, 0.0)]
    [InlineData(13, 0.1, 0.3)]
    [InlineData(14, 0.06, 0.5)]
    public void Descend_RaisesTheClimbsBound_NeverPastTheOptimum(int seed, double capacityShare, double producerNeedChance)
    {
        // Producers that also need what they grow serve it where it grows: arcs without a route.
        var input = ProductNetworks.Tight(seed, capacityShare, producerNeedChance: producerNeedChance);
        var (problem, arcs, products) = ProductNetworks.Of(input);
        var atZero = products.Bound(new double[problem.RouteCount]);
        var best = arcs.ObjectiveOf(products.OneAfterAnother(new double[problem.RouteCount]));
        var climbed = new RoutePriceAscent(products, problem.RouteCapacity).Climb(20, atZero, () => best, plan => best = Math.Min(best, arcs.ObjectiveOf(plan)), _ => false);
        var atClimbsPrices = products.Bound(climbed.Prices);

        var outcome = new BlockPriceDescent(problem, arcs, problem.DemandQuantity, problem.RouteCapacity)
            .Descend(products, climbed.Prices, atClimbsPrices, rounds: 50, leastGain: 0, threads: 2, () => false, CancellationToken.None);

        var optimum = FlatPlanLp.Solve(input, problem.SpoiledPerUnit, problem.UnmetPerUnit).Objective - problem.ConstantObjective();
        var tolerance = 1e-7 * Math.Abs(optimum);
        Assert.True(outcome.Bound > atClimbsPrices + tolerance, $"the turns should raise the climb's bound {atClimbsPrices:R} (ended at {outcome.Bound:R}, optimum {optimum:R})");
        Assert.True(outcome.Bound <= optimum + tolerance, $"bound {outcome.Bound:R} above the optimum {optimum:R}");
        Assert.True(outcome.Rounds > 0);
        Assert.All(outcome.RoutePrices, p => Assert.True(p >= 0));
        Assert.True(Math.Abs(products.Bound(outcome.RoutePrices) - outcome.Bound) <= tolerance, "the route prices returned should prove the bound returned");
    }

    [Theory]
    [InlineData(21, 0.05)]
    [InlineData(22, 0.08)]
    public void Planner_ProvesAHigherBoundBeforeItsFirstLpSolve_AndTheSamePlans(int seed, double capacityShare)
    {
        var input = ProductNetworks.Tight(seed, capacityShare);
        var problem = PlanBuilder.Problem(input);
        (PlanResult Plan, FlowProgress RoundZero) Plan(int descentRounds)
        {
            var progress = new List<FlowProgress>();
            var plan = FoodPlanner.Plan(problem, PlanPolicy.ProductionFirst, compare: false,
                new FlowSolver.Options { Progress = progress.Add, PriceSteps = 20, StepsBeforeFirstProgramme = 20, DescentRounds = descentRounds });
            return (plan, progress.First(p => !p.OnTheWay));
        }

        var (withTurns, turned) = Plan(50);
        var (climbOnly, climbed) = Plan(0);

        var optimum = FlatPlanLp.Solve(input, problem.SpoiledPerUnit, problem.UnmetPerUnit).Objective - problem.ConstantObjective();
        Assert.True(turned.Bound > climbed.Bound, $"round 0's bound with the turns {turned.Bound:R} should beat the climb's alone {climbed.Bound:R}");
        Assert.True(turned.Bound <= optimum + (1e-7 * Math.Abs(optimum)), $"bound {turned.Bound:R} above the optimum {optimum:R}");
        // The turns work on products of their own: the climb, and the plans it makes, are the same.
        Assert.Equal(climbed.Objective, turned.Objective);
        Assert.Equal("optimal", withTurns.Status);
        Assert.Equal(climbOnly.Objective, withTurns.Objective, 1e-6 * Math.Abs(climbOnly.Objective));
    }

    [Fact]
    public void Descend_AtTheOptimalPrices_KeepsTheBound()
    {
        // Routes that never fill: the products at zero prices are the optimum, and no turn can raise it.
        var generated = ProductNetworks.Tight(15, 1);
        var input = generated with { Routes = [.. generated.Routes!.Select(r => r! with { Capacity = null })] };
        var (problem, arcs, products) = ProductNetworks.Of(input);
        var zero = new double[problem.RouteCount];
        var atZero = products.Bound(zero);

        var outcome = new BlockPriceDescent(problem, arcs, problem.DemandQuantity, problem.RouteCapacity)
            .Descend(products, zero, atZero, rounds: 10, leastGain: 0, threads: 1, () => false, CancellationToken.None);

        Assert.Equal(atZero, outcome.Bound);
        Assert.Equal(atZero, products.Bound(outcome.RoutePrices));
    }
}
