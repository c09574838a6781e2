using Comuna.Planning.FoodPlan;

namespace Comuna.Planning.Tests.FoodPlan;

/// <summary>
/// The solver's keeper of its best plan: a plan that overloads a route, beyond the LP's rounding,
/// could pass for better than the optimum and end a solve on a false proof, so it is never kept.
/// </summary>
public sealed class BestPlanTests
{
    // Two lots of maize at Sanare, one road to Barquisimeto that carries 120 t: the arcs are the two lots' over that road.
    private static readonly PlanProblem Problem = ProductNetworks.Of(new PlanBuilder().Products("maiz").Places("sanare", "barquisimeto")
        .Lot("sanare", "maiz", 100, available: 0, spoils: 10)
        .Lot("sanare", "maiz", 100, available: 1, spoils: 10)
        .Need("barquisimeto", "maiz", 200)
        .Route("sanare", "barquisimeto", 2, capacity: 120)
        .Build()).Problem;

    private static double[] Plan(double first, double second)
    {
        var plan = new double[Problem.ArcCount];
        var overTheRoad = Enumerable.Range(0, Problem.ArcCount).Where(a => Problem.ArcRoute[a] >= 0).ToArray();
        Assert.Equal(2, overTheRoad.Length);
        plan[overTheRoad[0]] = first;
        plan[overTheRoad[1]] = second;
        return plan;
    }

    [Fact]
    public void APlanWithinTheRoutes_IsKept_AsACopy_OnlyWhenItIsBetter()
    {
        var best = new BestPlan(Problem, Problem.RouteCapacity, log: null);
        Assert.Null(best.Plan);
        Assert.Equal(0, best.Objective);

        var plan = Plan(60, 60);
        Assert.True(best.Offer(plan, -10));
        plan[0] = 99; // the caller's array is its own again
        Assert.Equal(Plan(60, 60), best.Plan);

        Assert.False(best.Offer(Plan(10, 10), -5));
        Assert.False(best.Offer(Plan(10, 10), -10));
        Assert.Equal(-10, best.Objective);
        Assert.True(best.Offer(Plan(20, 20), -5, evenIfWorse: true));
        Assert.Equal(-5, best.Objective);
        Assert.Equal(Plan(20, 20), best.Plan);
    }

    [Fact]
    public void APlanThatOverloadsARoute_IsRefused_AndSaysWhich_ButTheLpsRoundingPasses()
    {
        var said = new List<string>();
        var best = new BestPlan(Problem, Problem.RouteCapacity, said.Add);

        Assert.False(best.Offer(Plan(100, 21), -1000));
        Assert.Null(best.Plan);
        Assert.Equal(0, best.Objective);
        Assert.Contains(said, line => line.StartsWith("refused a plan that overloads route 0: 121 of 120", StringComparison.Ordinal));

        Assert.True(best.Offer(Plan(100, 20 + 1e-7), -900));
        Assert.Equal(-900, best.Objective);
    }
}
