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
        // CLP's interior point keeps no time limit of its own. Without route prices and with every
        // arc of the regional instance in the first programme (30 per node is all of them), that
        // programme is ready after about 2 s and its solve takes well over 100 s, so a plan that
        // ends within 3 s of its 8 s limit left the solve behind rather than waiting for it.
        var problem = PlanBuilder.Problem(SyntheticPlan.Generate(SyntheticPlan.Shape.Regional, 2026));
        var log = new List<string>();
        var clock = Stopwatch.StartNew();
        var options = new FlowSolver.Options
        {
            PriceSteps = 0,
            CheapestAtPricesPerNode = 30,
            TimeLimit = TimeSpan.FromSeconds(8),
            Log = log.Add,
        };

        var result = FoodPlanner.Plan(problem, PlanPolicy.ProductionFirst, compare: false, options);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(11), $"the plan ended {clock.Elapsed.TotalSeconds:F1} s after it began");
        Assert.True(log.Exists(line => line.Contains("left behind", StringComparison.Ordinal)), string.Join("\n", log));
        Assert.Equal("time-limit", result.Status);
        Assert.NotEmpty(result.Shipments);
    }

    [Fact]
    public void Cancelling_AbandonsAnInteriorPointSolveInTheMiddle()
    {
        // The interior point's first solve of the regional instance takes about 8 s, so a plan that
        // stops within 3 s of a cancel 1 s into it left the solve behind. The clock starts when the
        // first programme is ready, just before its solve.
        var problem = PlanBuilder.Problem(SyntheticPlan.Generate(SyntheticPlan.Shape.Regional, 2026));
        using var cancel = new CancellationTokenSource();
        var clock = new Stopwatch();
        var options = new FlowSolver.Options
        {
            PriceSteps = 1,
            StepsBeforeFirstProgramme = 1,
            Cancellation = cancel.Token,
            Log = line =>
            {
                if (line.StartsWith("first programme", StringComparison.Ordinal))
                {
                    clock.Start();
                    cancel.CancelAfter(TimeSpan.FromSeconds(1));
                }
            },
        };

        Assert.Throws<OperationCanceledException>(() => FoodPlanner.Plan(problem, PlanPolicy.ProductionFirst, compare: false, options));

        Assert.True(clock.IsRunning, "the first programme was never ready");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"the plan stopped {clock.Elapsed.TotalSeconds:F1} s after its first LP solve began");
    }
}
