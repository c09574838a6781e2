using System.Diagnostics;
using Comuna.Planning.FoodPlan;

namespace Comuna.Planning.Tests.FoodPlan;

public sealed class CancellationTests
{
    [Fact]
    public void Cancelling_InterruptsAGlopMasterInTheMiddleOfItsSolve()
    {
        // A fifth of the benchmark's regional instance: GLOP's first solve of the restricted
        // programme takes about 8 s here, so a plan that stops within 3 s of the cancel was
        // interrupted in the middle of it, not after it.
        var problem = PlanBuilder.Problem(SyntheticPlan.Generate(SyntheticPlan.Shape.Regional with { Consumers = 600, Producers = 200, PortReach = 100 }, 2026));
        using var cancel = new CancellationTokenSource();
        var clock = new Stopwatch();
        var options = new FlowSolver.Options
        {
            MasterSolver = "GLOP",
            Cancellation = cancel.Token,
            Progress = p =>
            {
                // Round 0 ends the route prices' climb; the first LP solve starts right after it.
                if (p.Round == 0)
                {
                    clock.Start();
                    cancel.CancelAfter(TimeSpan.FromSeconds(1));
                }
            },
        };

        Assert.Throws<OperationCanceledException>(() => FoodPlanner.Plan(problem, PlanPolicy.ProductionFirst, compare: false, options));

        Assert.True(clock.IsRunning, "the climb never reported");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"the plan stopped {clock.Elapsed.TotalSeconds:F1} s after its first LP solve began");
    }

    [Fact]
    public void TheTimeLimit_AbandonsAnInteriorPointSolveThatWouldOverrunIt()
    {
        // CLP's interior point keeps no time limit of its own. On the whole regional instance the
        // first programme is ready after about 5 s and its solve takes about 15 s more, so a plan
        // that ends within 4 s of its 12 s limit left that solve behind rather than waiting for it.
        var problem = PlanBuilder.Problem(SyntheticPlan.Generate(SyntheticPlan.Shape.Regional, 2026));
        var log = new List<string>();
        var clock = Stopwatch.StartNew();
        var options = new FlowSolver.Options
        {
            PriceSteps = 1,
            StepsBeforeFirstProgramme = 1,
            TimeLimit = TimeSpan.FromSeconds(12),
            Log = log.Add,
        };

        var result = FoodPlanner.Plan(problem, PlanPolicy.ProductionFirst, compare: false, options);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(16), $"the plan ended {clock.Elapsed.TotalSeconds:F1} s after it began");
        Assert.True(log.Exists(line => line.Contains("left behind", StringComparison.Ordinal)), string.Join("\n", log));
        Assert.Equal("time-limit", result.Status);
        Assert.NotEmpty(result.Shipments);
    }
}
