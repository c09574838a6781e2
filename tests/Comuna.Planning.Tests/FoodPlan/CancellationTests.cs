using System.Diagnostics;
using Comuna.Planning.FoodPlan;

namespace Comuna.Planning.Tests.FoodPlan;

/// <summary>These tests time the planner and count its CLP workers: they run alone.</summary>
[CollectionDefinition(nameof(CancellationTests), DisableParallelization = true)]
public sealed class TimedAlone;

[Collection(nameof(CancellationTests))]
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
                if (p is { Round: 0, OnTheWay: false })
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
    public void TheTimeLimit_EndsAnInteriorPointSolveThatWouldOverrunIt()
    {
        // CLP's interior point keeps no time limit of its own. Without route prices and with every
        // arc of the regional instance in the first programme (30 per node is all of them), that
        // programme is ready after about 2 s and its solve takes well over 100 s, so a plan that
        // ends within 3 s of its 8 s limit stopped the solve rather than waiting for it.
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
        Assert.True(log.Exists(line => line.Contains("its worker stopped", StringComparison.Ordinal)), string.Join("\n", log));
        Assert.Equal("time-limit", result.Status);
        Assert.NotEmpty(result.Shipments);
        // The solve is not left to run on for another 100 s: its worker has ended with the plan.
        Assert.Empty(ClpWorkers.Running());
    }

    [Fact]
    public void AClimbThatProvesTheGapAskedFor_StopsTheInteriorPoint()
    {
        // With every arc of a fifth of the regional instance in the first programme, the interior
        // point's solve takes about 5 s (longer on a loaded machine); the climb goes on beside it from
        // its first step and reaches a plan within 0.5 % in about a second (3.5 s once, with the rest
        // of the test suite running beside it). The plan then ends with that plan, proven within the
        // gap, and does not wait for the solve: a plan that waited would end 5 s or more after it began.
        var problem = PlanBuilder.Problem(SyntheticPlan.Generate(SyntheticPlan.Shape.Regional with { Consumers = 600, Producers = 200, PortReach = 100 }, 2026));
        var log = new List<string>();
        var solveStarted = new Stopwatch();
        var options = new FlowSolver.Options
        {
            StepsBeforeFirstProgramme = 1,
            CheapestAtPricesPerNode = 30,
            RelativeGap = 5e-3,
            Log = line =>
            {
                lock (log)
                    log.Add(line);
                if (line.StartsWith("first programme", StringComparison.Ordinal))
                    solveStarted.Start();
            },
        };

        var result = FoodPlanner.Plan(problem, PlanPolicy.ProductionFirst, compare: false, options);

        var lines = string.Join("\n", log);
        Assert.True(log.Exists(line => line.Contains("the climb beside proved the plan", StringComparison.Ordinal)), lines);
        Assert.True(solveStarted.Elapsed < TimeSpan.FromSeconds(4.5), $"the plan ended {solveStarted.Elapsed.TotalSeconds:F1} s after the first solve began\n{lines}");
        Assert.Equal(PlanStatus.WithinGap, result.Status);
        Assert.InRange(result.Gap, PlanStatus.OptimalGap, 5e-3);
        Assert.Empty(ClpWorkers.Running());
    }

    [Fact]
    public void AWorkerThatDies_LeavesThePlanFoundBeforeIt_AndSaysWhy()
    {
        // The interior point's first solve of the regional instance takes about 8 s; its worker is
        // killed 1 s into it, as the kernel ends a process when the machine's memory runs out.
        var problem = PlanBuilder.Problem(SyntheticPlan.Generate(SyntheticPlan.Shape.Regional, 2026));
        var warnings = new List<string>();
        Task? killing = null;
        var options = new FlowSolver.Options
        {
            PriceSteps = 1,
            StepsBeforeFirstProgramme = 1,
            Warn = warnings.Add,
            Log = WhenTheFirstProgrammeIsReady(() => killing = Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
                foreach (var id in ClpWorkers.Running())
                {
                    using var worker = Process.GetProcessById(id);
                    worker.Kill();
                }
            })),
        };

        var result = FoodPlanner.Plan(problem, PlanPolicy.ProductionFirst, compare: false, options);

        Assert.NotNull(killing);
        Assert.True(killing.IsCompletedSuccessfully);
        Assert.Equal(PlanStatus.Error, result.Status);
        Assert.NotEmpty(result.Shipments);
        var warning = Assert.Single(warnings);
        Assert.Contains("CLP's worker ended with exit code 137 before it answered", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void AWorkerOverTheMemoryBound_LeavesThePlanFoundBeforeIt_AndSaysWhy()
    {
        // A bound no worker can keep (the runtime alone holds more than 1 MB): the first solve
        // fails, and the plan is the climb's, with the reason said once.
        var problem = PlanBuilder.Problem(SyntheticPlan.Generate(SyntheticPlan.Shape.Regional with { Consumers = 300, Producers = 100 }, 2026));
        var warnings = new List<string>();
        var options = new FlowSolver.Options
        {
            PriceSteps = 1,
            StepsBeforeFirstProgramme = 1,
            WorkerMemory = 1024 * 1024,
            Warn = warnings.Add,
        };

        var result = FoodPlanner.Plan(problem, PlanPolicy.ProductionFirst, compare: false, options);

        Assert.Equal(PlanStatus.Error, result.Status);
        Assert.NotEmpty(result.Shipments);
        var warning = Assert.Single(warnings);
        Assert.Contains("more than the 1 MB a plan's worker may hold", warning, StringComparison.Ordinal);
        Assert.Empty(ClpWorkers.Running());
    }

    [Fact]
    public void Cancelling_EndsAnInteriorPointSolveInTheMiddle()
    {
        // The interior point's first solve of the regional instance takes about 8 s, so a plan that
        // stops within 3 s of a cancel 1 s into it stopped the solve, and its worker is gone. The
        // clock starts when the first programme is ready, just before its solve.
        var problem = PlanBuilder.Problem(SyntheticPlan.Generate(SyntheticPlan.Shape.Regional, 2026));
        using var cancel = new CancellationTokenSource();
        var clock = new Stopwatch();
        var options = new FlowSolver.Options
        {
            PriceSteps = 1,
            StepsBeforeFirstProgramme = 1,
            Cancellation = cancel.Token,
            Log = WhenTheFirstProgrammeIsReady(() =>
            {
                clock.Start();
                cancel.CancelAfter(TimeSpan.FromSeconds(1));
            }),
        };

        Assert.Throws<OperationCanceledException>(() => FoodPlanner.Plan(problem, PlanPolicy.ProductionFirst, compare: false, options));

        Assert.True(clock.IsRunning, "the first programme was never ready");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"the plan stopped {clock.Elapsed.TotalSeconds:F1} s after its first LP solve began");
        Assert.Empty(ClpWorkers.Running());
    }

    /// <summary>A log that does <paramref name="ready"/> when the planner says its first restricted programme is ready, just before its solve.</summary>
    private static Action<string> WhenTheFirstProgrammeIsReady(Action ready) => line =>
    {
        if (line.StartsWith("first programme", StringComparison.Ordinal))
            ready();
    };
}
