using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Comuna.Planning.FoodPlan;
using Comuna.Web.FoodPlan;
using Comuna.Web.Pages.FoodPlan;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Comuna.Web.Tests.FoodPlan;

/// <summary>The plan over HTTP reads and answers the same contract as <c>comuna plan</c>, at once or as a run to ask after.</summary>
public sealed class FoodPlanApiTests
{
    [Fact]
    public async Task Plan_ThroughTheApi_AnswersTheContractsResult_AndNamesABadEntry()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = await server.SignedInAsync("vocero.maizal");

        using var planned = await client.PostAsync("/api/v1/plans", Body(PlanModel.Example), ct);
        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);
        var result = await planned.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("optimal", result.GetProperty("status").GetString());
        Assert.True(result.GetProperty("bound").GetDouble() <= result.GetProperty("objective").GetDouble() + 1e-6);
        var shipments = result.GetProperty("shipments").EnumerateArray()
            .Select(s => $"{s.GetProperty("from").GetString()}>{s.GetProperty("to").GetString()}:{s.GetProperty("product").GetString()}={s.GetProperty("quantity").GetDouble()}")
            .ToList();
        Assert.Contains("el-maizal>barquisimeto:platano=100", shipments);
        Assert.DoesNotContain(result.GetProperty("spoiled").EnumerateArray(), s => s.GetProperty("quantity").GetDouble() > 0);

        using var importFirst = await client.PostAsync("/api/v1/plans?policy=import-first", Body(PlanModel.Example), ct);
        var clap = await importFirst.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Contains(clap.GetProperty("spoiled").EnumerateArray(), s => s.GetProperty("quantity").GetDouble() > 0);

        var bad = PlanModel.Example.Replace("\"to\": \"sarare\"", "\"to\": \"atlantida\"", StringComparison.Ordinal);
        using var refused = await client.PostAsync("/api/v1/plans", Body(bad), ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("unknown place \\\"atlantida\\\"", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        using var malformed = await client.PostAsync("/api/v1/plans", Body("{ \"products\": [ "), ct);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        // A number so large the objective would be infinite (it answered 500, failing to write the result).
        var huge = PlanModel.Example.Replace("\"spoiledPerUnit\": 1000", "\"spoiledPerUnit\": 1e308", StringComparison.Ordinal);
        using var tooLarge = await client.PostAsync("/api/v1/plans", Body(huge), ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Contains("spoiledPerUnit 1E+308 is too large", await tooLarge.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        using var policy = await client.PostAsync("/api/v1/plans?policy=clap", Body(PlanModel.Example), ct);
        Assert.Equal("invalid-field", (await policy.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetString());
        using var anonymous = await server.Anonymous().PostAsync("/api/v1/plans", Body(PlanModel.Example), ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task APlanWithAGap_EndsProvenWithinIt_AndABadGapIsNamed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = await server.SignedInAsync("vocero.maizal");
        // Ten products over 200 producers and 600 communes: the plan made product after product,
        // before any LP solve, is proven within 1 % of the optimum, but not within 1e-6.
        var input = PlanJson.WriteInput(SyntheticPlan.Generate(SyntheticPlan.Shape.Regional with { Consumers = 600, Producers = 200, PortReach = 100 }, 2026));

        using var started = await client.PostAsync("/api/v1/plans/runs?gap=0.01", Body(input), ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var run = await PlanRunPolling.DoneAsync(client, started.Headers.Location!.OriginalString);

        Assert.Equal("done", run.GetProperty("state").GetString());
        var result = run.GetProperty("result");
        Assert.Equal("within-gap", result.GetProperty("status").GetString());
        Assert.InRange(result.GetProperty("gap").GetDouble(), 1e-6, 0.01);

        using var refused = await client.PostAsync("/api/v1/plans?gap=2", Body(PlanModel.Example), ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("'2' is not a gap", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory, BothEngines]
    public async Task APlanRun_AnswersAtOnce_IsAskedAfterUntilItsResult_IsItsAccountsOnly_AndIsDeleted(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = await server.SignedInAsync("vocero.maizal");

        using var started = await client.PostAsync("/api/v1/plans/runs?policy=import-first&gap=0.001", Body(PlanModel.Example), ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var address = started.Headers.Location!.OriginalString;
        Assert.Matches("^/api/v1/plans/runs/[0-9a-f]{32}$", address);
        var run = await PlanRunPolling.DoneAsync(client, address);
        Assert.Equal("import-first", run.GetProperty("policy").GetString());
        Assert.Equal(0.001, run.GetProperty("margin").GetDouble());
        var result = run.GetProperty("result");
        Assert.Equal("optimal", result.GetProperty("status").GetString());
        Assert.Contains(result.GetProperty("spoiled").EnumerateArray(), s => s.GetProperty("quantity").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Null, run.GetProperty("progress").ValueKind);

        // The account's list has the run, newest first (the demo's published plan is also vocero.maizal's, and older).
        var listed = (await client.GetFromJsonAsync<JsonElement>("/api/v1/plans/runs", ct)).EnumerateArray().First();
        Assert.Equal(address[(address.LastIndexOf('/') + 1)..], listed.GetProperty("id").GetString());
        Assert.Equal("optimal", listed.GetProperty("status").GetString());

        // Another account is told the run does not exist, for reading and deleting alike, and lists none.
        using (var other = await server.SignedInAsync("vocera.panal"))
        {
            using (var read = await other.GetAsync(address, ct))
                Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
            using (var delete = await other.DeleteAsync(address, ct))
                Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
            Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/v1/plans/runs", ct)).EnumerateArray());
        }

        using (var deleted = await client.DeleteAsync(address, ct))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using (var gone = await client.GetAsync(address, ct))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        var bad = PlanModel.Example.Replace("\"to\": \"sarare\"", "\"to\": \"atlantida\"", StringComparison.Ordinal);
        using var refused = await client.PostAsync("/api/v1/plans/runs", Body(bad), ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("unknown place \\\"atlantida\\\"", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlanRun_BoundsItsClpWorkersMemory_ToAShareOfWhatTheServerMayUse()
    {
        var ct = TestContext.Current.CancellationToken;
        long? bound = null;
        using var held = new HeldPlanStage { OnStart = options => bound = options.WorkerMemory };
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database, services => services.AddSingleton(held.Stage));
        using var client = await server.SignedInAsync("vocero.maizal");

        using var started = await client.PostAsync("/api/v1/plans/runs", Body(PlanModel.Example), ct);
        Assert.True(await held.StartedAsync(), "the plan never started");

        // A share for each of the two plans that may run and one for the server itself.
        var usable = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        Assert.Equal(usable / 3, bound);
        using var cancelled = await client.DeleteAsync(started.Headers.Location!.OriginalString, ct);
        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
    }

    [Fact]
    public async Task ThePlannersRounds_GoToTheServersLog_WhereItsDebugLinesAreOn()
    {
        var ct = TestContext.Current.CancellationToken;
        var captured = new CapturedLog();
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database, services => services
            .AddSingleton<ILoggerProvider>(captured)
            .AddLogging(logging => logging.AddFilter(typeof(PlanRuns).FullName, LogLevel.Debug)));
        using var client = await server.SignedInAsync("vocero.maizal");

        using var started = await client.PostAsync("/api/v1/plans/runs", Body(PlanModel.Example), ct);
        var address = started.Headers.Location!.OriginalString;
        Assert.Equal("done", (await PlanRunPolling.DoneAsync(client, address)).GetProperty("state").GetString());
        using var planned = await client.PostAsync("/api/v1/plans", Body(PlanModel.Example), ct);
        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);

        var rounds = captured.Lines.Where(l => l.Category == typeof(PlanRuns).FullName && l.Level == LogLevel.Debug).Select(l => l.Message).ToList();
        var run = address[(address.LastIndexOf('/') + 1)..];
        Assert.Contains(rounds, line => line.StartsWith($"Plan run {run}: route prices: ", StringComparison.Ordinal));
        Assert.Contains(rounds, line => line.StartsWith("Plan for vocero.maizal: route prices: ", StringComparison.Ordinal));
    }

    [Fact]
    public void ThePlannersRounds_AreNotWritten_WhereTheServersDebugLinesAreOff() =>
        Assert.Null(PlanRuns.RoundLog(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, "run 1"));

    [Fact]
    public async Task APlanRunsProgress_MovesOnTheWay_WithoutANewRound_AndCarriesAFinishedSolve()
    {
        var ct = TestContext.Current.CancellationToken;
        // Round 0 ends; then the route prices, climbing beside round 1, find a better plan and
        // bound; then a second solve begins (as import-first's domestic produce after its imports).
        using var held = new HeldPlanStage
        {
            OnStart = options =>
            {
                options.Progress!(new FlowProgress(0, -300, -900, 0.4) { StartsASolve = true });
                options.Progress!(new FlowProgress(1, -350, -700, 1.4) { OnTheWay = true });
                options.Progress!(new FlowProgress(0, -10, -20, 0.1) { StartsASolve = true });
            },
        };
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database, services => services.AddSingleton(held.Stage));
        using var client = await server.SignedInAsync("vocero.maizal");

        using var started = await client.PostAsync("/api/v1/plans/runs", Body(PlanModel.Example), ct);
        Assert.True(await held.StartedAsync(), "the plan never started");
        var address = started.Headers.Location!.OriginalString;

        // Two rounds ended (the report on the way is not one). In the contract's terms: 183,000
        // (everything lost and unmet) less the first solve's saving as last reported, on the way
        // (350), less the second's saving (10) or the most its proof allows (20).
        var progress = (await client.GetFromJsonAsync<JsonElement>(address, ct)).GetProperty("progress");
        Assert.Equal(2, progress.GetProperty("round").GetInt32());
        Assert.Equal(182_640, progress.GetProperty("objective").GetDouble(), 1e-6);
        Assert.Equal(182_630, progress.GetProperty("bound").GetDouble(), 1e-6);
        Assert.Equal(0.1, progress.GetProperty("seconds").GetDouble(), 1e-9);
        using var cancelled = await client.DeleteAsync(address, ct);
        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
    }

    [Fact]
    public async Task PlanRuns_WhilePlanning_TellTheirProgress_AreCancelled_AndAThirdIsAskedToWait()
    {
        var ct = TestContext.Current.CancellationToken;
        // The solver reports a round, then holds until the run is cancelled.
        using var held = new HeldPlanStage { OnStart = options => options.Progress!(new FlowProgress(0, -300, -900, 0.4)) };
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database, services => services.AddSingleton(held.Stage));
        using var client = await server.SignedInAsync("vocero.maizal");

        using var first = await client.PostAsync("/api/v1/plans/runs", Body(PlanModel.Example), ct);
        using var second = await client.PostAsync("/api/v1/plans/runs", Body(PlanModel.Example), ct);
        using var third = await client.PostAsync("/api/v1/plans/runs", Body(PlanModel.Example), ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(Comuna.Web.Api.FoodPlanApi.BusyRetrySeconds), third.Headers.RetryAfter?.Delta);
        Assert.Equal("planner-busy", (await third.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetString());
        // A plan made while its request waits takes a place among the same two: it waits its turn too.
        using var atOnce = await client.PostAsync("/api/v1/plans", Body(PlanModel.Example), ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, atOnce.StatusCode);
        Assert.Equal("planner-busy", (await atOnce.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetString());

        var address = first.Headers.Location!.OriginalString;
        JsonElement running = default;
        for (var tries = 0; tries < 300 && (running.ValueKind != JsonValueKind.Object || running.GetProperty("progress").ValueKind == JsonValueKind.Null || running.GetProperty("progress").GetProperty("round").GetInt32() < 1); tries++)
        {
            running = await client.GetFromJsonAsync<JsonElement>(address, ct);
            await Task.Delay(50, ct);
        }
        Assert.Equal("running", running.GetProperty("state").GetString());
        var progress = running.GetProperty("progress");
        Assert.Equal(1, progress.GetProperty("stage").GetInt32());
        // In the contract's terms: all 160 t of lots lost (× 1,000) and all 230 t unmet (× 100) is 183,000, less the saving so far.
        Assert.Equal(182_700, progress.GetProperty("objective").GetDouble(), 1e-6);
        Assert.Equal(182_100, progress.GetProperty("bound").GetDouble(), 1e-6);

        foreach (var run in new[] { address, second.Headers.Location!.OriginalString })
        {
            using var cancelled = await client.DeleteAsync(run, ct);
            Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
            Assert.Equal("cancelled", (await PlanRunPolling.DoneAsync(client, run)).GetProperty("state").GetString());
        }
        // Their places freed, the plan is made while the request waits, and its own place is given back.
        for (var round = 0; round < 3; round++)
        {
            using var afterwards = await client.PostAsync("/api/v1/plans", Body(PlanModel.Example), ct);
            Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        }
    }
}
