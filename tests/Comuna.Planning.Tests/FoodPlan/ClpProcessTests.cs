using System.Diagnostics;
using Comuna.Planning.FoodPlan;

namespace Comuna.Planning.Tests.FoodPlan;

/// <summary>
/// CLP's worker process: it solves as CLP does in this process, and a solve the planner stops —
/// its time up, its plan cancelled, the planner's process gone — ends with its worker.
/// </summary>
public sealed class ClpProcessTests
{
    [Fact]
    public void TheWorker_SolvesAsClpDoesInThisProcess()
    {
        Assert.True(ClpProcess.IsAvailable, "comuna-clp (src/Comuna.Planning.Clp) is not beside the tests");
        var here = ClpInteriorPoint.Solve(ClpProgrammes.Edge, ClpInteriorPoint.Method.Barrier);

        var there = ClpProcess.Solve(Request(ClpProgrammes.Edge), TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.NotNull(there);
        Assert.Equal(0, there.Status);
        Assert.Equal(here.Objective, there.Objective);
        Assert.Equal(here.Columns, there.Columns);
        Assert.Equal(here.RowDuals, there.RowDuals);
        Assert.Equal(here.Iterations, there.Iterations);
    }

    [Fact]
    public void TheWorkersOwnExecutable_Answers_AsASelfContainedInstallRunsIt()
    {
        var start = ClpProcess.WorkerStart();
        start.FileName = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "comuna-clp.exe" : "comuna-clp");
        start.ArgumentList.Clear();
        using var worker = Process.Start(start)!;

        ClpWire.Write(worker.StandardInput.BaseStream, Request(ClpProgrammes.Edge));
        worker.StandardInput.BaseStream.Flush();
        var solution = ClpWire.ReadSolution(worker.StandardOutput.BaseStream);

        Assert.Equal(0, solution.Status);
        Assert.Equal(-68, solution.Objective, 1e-5);
        worker.StandardInput.Close();
        Assert.True(worker.WaitForExit(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void ASolveCancelled_EndsItsWorker_AtOnce()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var worker = 0;
        var listed = false;
        var clock = Stopwatch.StartNew();

        var solution = ClpProcess.Solve(Request(ClpProgrammes.Dense(400, 1)), TimeSpan.FromMinutes(5), cancel.Token, id =>
        {
            worker = id;
            listed = ClpWorkers.Running().Contains(id);
        });

        Assert.True(listed, "the running worker was not found among this process's children");
        Assert.Null(solution);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"returned after {clock.Elapsed.TotalSeconds:F1} s");
        AssertEnded(worker);
    }

    [Fact]
    public void ASolveOutOfTime_EndsItsWorker_AtTheLimit()
    {
        var worker = 0;
        var clock = Stopwatch.StartNew();

        var solution = ClpProcess.Solve(Request(ClpProgrammes.Dense(400, 2)), TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken, id => worker = id);

        Assert.Null(solution);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"returned after {clock.Elapsed.TotalSeconds:F1} s");
        AssertEnded(worker);
    }

    [Fact]
    public async Task AWorkerThatDies_IsAFailedSolve_ThatSaysSo()
    {
        // As when the kernel ends a worker whose machine ran out of memory.
        Task? killing = null;
        var solution = ClpProcess.Solve(Request(ClpProgrammes.Dense(400, 4)), TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken, id =>
            killing = Task.Run(async () =>
            {
                await Task.Delay(300, TestContext.Current.CancellationToken);
                using var worker = Process.GetProcessById(id);
                worker.Kill();
            }));

        await killing!;
        Assert.NotNull(solution);
        Assert.Equal(ClpInteriorPoint.Solution.WorkerFailed, solution.Status);
        Assert.Contains("exit code 137", solution.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void AWorkerOverItsMemoryBound_IsEnded_AndItsSolveFails_SayingSo()
    {
        // The .NET runtime alone makes a worker hold more than 1 MB, so the first reading ends it.
        var worker = 0;
        var clock = Stopwatch.StartNew();

        var solution = ClpProcess.Solve(Request(ClpProgrammes.Dense(400, 5)), TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken,
            id => worker = id, memoryLimit: 1024 * 1024);

        Assert.NotNull(solution);
        Assert.Equal(ClpInteriorPoint.Solution.WorkerFailed, solution.Status);
        Assert.Matches(@"^CLP's worker was ended: it held \d+ MB of memory, more than the 1 MB a plan's worker may hold$", solution.Failure);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"returned after {clock.Elapsed.TotalSeconds:F1} s");
        AssertEnded(worker);
    }

    [Fact]
    public void AWorkerWithinItsMemoryBound_SolvesAsWithoutOne()
    {
        var free = ClpProcess.Solve(Request(ClpProgrammes.Dense(60, 6)), TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        var bounded = ClpProcess.Solve(Request(ClpProgrammes.Dense(60, 6)), TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken,
            memoryLimit: 4L * 1024 * 1024 * 1024);

        Assert.NotNull(free);
        Assert.NotNull(bounded);
        Assert.Equal(0, bounded.Status);
        Assert.Equal(free.Objective, bounded.Objective);
        Assert.Equal(free.Columns, bounded.Columns);
    }

    [Fact]
    public void AWorkerWhosePlannerIsGone_EndsByItself()
    {
        using var worker = StartWorker();
        ClpWire.Write(worker.StandardInput.BaseStream, Request(ClpProgrammes.Dense(400, 3)));
        worker.StandardInput.BaseStream.Flush();
        Thread.Sleep(300);

        // What the planner's end does to the worker's input.
        worker.StandardInput.Close();

        Assert.True(worker.WaitForExit(TimeSpan.FromSeconds(3)), "the worker went on solving for nobody");
        Assert.Equal(3, worker.ExitCode);
    }

    [Fact]
    public void AWorker_RefusesWhatIsNotARequest()
    {
        using var worker = StartWorker();
        worker.StandardInput.Write("{\"products\": []}");
        worker.StandardInput.Close();

        Assert.True(worker.WaitForExit(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, worker.ExitCode);
        Assert.Contains("Not a request", worker.StandardError.ReadToEnd(), StringComparison.Ordinal);
    }

    private static ClpWire.Request Request(ClpInteriorPoint.Matrix matrix) =>
        new(ClpInteriorPoint.Method.Barrier, double.PositiveInfinity, matrix, null);

    private static Process StartWorker() => Process.Start(ClpProcess.WorkerStart())!;

    private static void AssertEnded(int processId)
    {
        Assert.NotEqual(0, processId);
        Assert.DoesNotContain(processId, ClpWorkers.Running());
    }
}
