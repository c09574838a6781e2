using System.Diagnostics;
using System.Net;
using System.Text;
using Comuna.Planning.FoodPlan;

namespace Comuna.Web.Tests.FoodPlan;

/// <summary>This test watches the process's CLP workers: it runs alone, so that no other test's worker is taken for its own.</summary>
[CollectionDefinition(nameof(PlanRunWorkerTests), DisableParallelization = true)]
public sealed class WorkersWatchedAlone;

/// <summary>A plan run from the API plans by CLP's worker process, and a cancel in the middle of its solve ends it.</summary>
[Collection(nameof(PlanRunWorkerTests))]
public sealed class PlanRunWorkerTests
{
    [Fact]
    public async Task APlanRunCancelledWhileClpSolves_EndsWithItsWorker_AtOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        // Three tenths of the benchmark's regional instance: about 10 s of route prices here, then
        // CLP's first solve, which takes seconds.
        var input = PlanJson.WriteInput(SyntheticPlan.Generate(SyntheticPlan.Shape.Regional with { Consumers = 900, Producers = 300, PortReach = 150 }, 2026));
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = await server.SignedInAsync("vocero.maizal");

        using var started = await client.PostAsync("/api/v1/plans/runs", new StringContent(input, Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var address = started.Headers.Location!.OriginalString;
        IReadOnlyList<int> workers = [];
        var clock = Stopwatch.StartNew();
        while (workers.Count == 0 && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(20, ct);
            workers = ClpWorkers.Running();
        }
        Assert.True(workers.Count > 0, "the run never started CLP's worker");

        // Still solving as the cancel goes out (the first solve takes seconds; it was found within 20 ms).
        Assert.NotEmpty(ClpWorkers.Running().Intersect(workers));
        clock.Restart();
        using var cancelled = await client.DeleteAsync(address, ct);
        var run = await PlanRunPolling.DoneAsync(client, address);

        Assert.Equal("cancelled", run.GetProperty("state").GetString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"the run ended {clock.Elapsed.TotalSeconds:F1} s after its cancel");
        Assert.Empty(ClpWorkers.Running().Intersect(workers));
    }
}
