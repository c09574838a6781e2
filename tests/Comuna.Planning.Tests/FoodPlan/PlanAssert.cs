using Comuna.Planning.FoodPlan;

namespace Comuna.Planning.Tests.FoodPlan;

/// <summary>What every plan of a problem must respect, checked arc by arc.</summary>
internal static class PlanAssert
{
    /// <summary>No supply gives more than it has, no need gets more than it asks, no route carries more than its capacity.</summary>
    public static void RespectsEverything(PlanProblem problem, double[] plan)
    {
        var supplied = new double[problem.SourceCount];
        var delivered = new double[problem.DemandCount];
        var loaded = new double[problem.RouteCount];
        for (var a = 0; a < plan.Length; a++)
        {
            Assert.True(plan[a] >= -1e-9, $"arc {a} ships {plan[a]}");
            supplied[problem.ArcSource[a]] += plan[a];
            delivered[problem.ArcDemand[a]] += plan[a];
            if (problem.ArcRoute[a] >= 0)
                loaded[problem.ArcRoute[a]] += plan[a];
        }
        for (var s = 0; s < supplied.Length; s++)
            Assert.True(supplied[s] <= problem.SourceSupply[s] + 1e-6, $"supply {s}: {supplied[s]} of {problem.SourceSupply[s]}");
        for (var d = 0; d < delivered.Length; d++)
            Assert.True(delivered[d] <= problem.DemandQuantity[d] + 1e-6, $"need {d}: {delivered[d]} of {problem.DemandQuantity[d]}");
        for (var r = 0; r < loaded.Length; r++)
            Assert.True(loaded[r] <= problem.RouteCapacity[r] + 1e-6, $"route {r}: {loaded[r]} of {problem.RouteCapacity[r]}");
    }

    /// <summary>The planner's objective is the flat programme's, within a millionth.</summary>
    public static void SameOptimum(PlanResult planned, double flatObjective) =>
        Assert.True(Math.Abs(planned.Objective - flatObjective) <= 1e-6 * Math.Abs(flatObjective),
            $"planner {planned.Objective:R} vs flat GLOP {flatObjective:R}");
}
