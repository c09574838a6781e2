using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Comuna.Application.Deliberation;
using Comuna.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Bench.Ballots;

/// <summary>One line of the table: a burst of N ballots at one concurrency, beside its anchor.</summary>
internal sealed record Row(DatabaseEngine Engine, string Concurrency, Burst Ballots, Burst Anchor, int Counted);

/// <summary>What one engine's run measured and checked.</summary>
internal sealed record EngineResult(DatabaseEngine Engine, IReadOnlyList<Row> Rows, Burst CheckIns, string Verification, bool Holds);

/// <summary>
/// One engine: a demo database with the bench council, a real server, an assembly in session
/// with every voter checked in; then, for each concurrency limit, a fresh secret vote that
/// receives N paper ballots at once, next to N requests to /healthz (the anchor) at the same limit.
/// </summary>
internal static class EngineBench
{
    private const string Spokesperson = "admin.panal";
    private const int WarmupBallots = 200;

    public static async Task<EngineResult> RunAsync(DatabaseEngine engine, BenchOptions options, CancellationToken ct)
    {
        Console.WriteLine($"[{engine}] preparing: demo database, bench council of {options.Voters} eligible, server…");
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        var (councilId, voters) = await BenchCouncil.AddAsync(database, options.Voters);
        await using var server = await ComunaServer.StartAsync(database);
        using var http = await ClientAsync(server);

        var assemblyId = await ConveneAndOpenAsync(http, councilId, ct);
        // Check-ins are not part of the ballots' figures; their time is shown apart.
        var checkIns = await Load.RunAsync(voters.Count, 64, HttpStatusCode.Created, i =>
            http.PostAsJsonAsync($"/api/v1/assemblies/{assemblyId}/attendance", new { residentId = voters[i] }, ct));
        Console.WriteLine($"[{engine}] checked in {voters.Count - checkIns.Failed}/{voters.Count} in {checkIns.Wall.TotalSeconds:0.00} s");
        if (checkIns.Failed > 0)
            throw new InvalidOperationException($"Check-ins failed: {string.Join("; ", checkIns.Failures.Select(f => $"{f.Value}× {f.Key}"))}");

        // Warm-up (not reported): the first requests of each kind pay for JIT and connection set-up.
        var warmupVote = await NewOpenVoteAsync(http, assemblyId, "Calentamiento", ct);
        var warmupCount = Math.Min(WarmupBallots, voters.Count);
        await Load.RunAsync(warmupCount, 16, HttpStatusCode.Created, i => Ballot(http, assemblyId, warmupVote, voters[i], ct));
        await Load.RunAsync(warmupCount, 16, HttpStatusCode.OK, _ => http.GetAsync("/healthz", ct));
        await CloseAsync(http, assemblyId, warmupVote, ct);

        var rows = new List<Row>();
        foreach (var limit in options.Limits)
        {
            var concurrency = BenchOptions.Describe(limit);
            var voteId = await NewOpenVoteAsync(http, assemblyId, $"¿Aprobamos el plan de agua? (concurrencia {concurrency})", ct);
            var anchor = await Load.RunAsync(voters.Count, limit, HttpStatusCode.OK, _ => http.GetAsync("/healthz", ct));
            var ballots = await Load.RunAsync(voters.Count, limit, HttpStatusCode.Created, i => Ballot(http, assemblyId, voteId, voters[i], ct));
            var counted = await CountedAsync(http, assemblyId, voteId, ct);
            await CloseAsync(http, assemblyId, voteId, ct);
            var row = new Row(engine, concurrency, ballots, anchor, counted);
            rows.Add(row);
            Console.WriteLine(Report.Line(row));
            foreach (var (failure, times) in ballots.Failures)
                Console.WriteLine($"    {times}× {failure}");
        }

        await using var scope = server.Services.CreateAsyncScope();
        var report = (await scope.ServiceProvider.GetRequiredService<VerifyAssembly>().ExecuteAsync(assemblyId, ct)).Value;
        var verification = report.Holds
            ? $"VerifyAssembly holds: {report.VotesChecked} votes, {report.BallotsChecked} ballots re-chained and recounted"
            : $"VerifyAssembly FAILS: {string.Join("; ", report.Differences)}";
        Console.WriteLine($"[{engine}] {verification}");
        return new EngineResult(engine, rows, checkIns, verification, report.Holds);
    }

    /// <summary>
    /// One client for every voter, as a spokesperson's tablet entering paper ballots: a handler
    /// that opens up to 256 connections to the server, with <c>admin.panal</c>'s bearer token.
    /// </summary>
    private static async Task<HttpClient> ClientAsync(ComunaServer server)
    {
        using var signedIn = await server.SignedInAsync(Spokesperson);
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        var client = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    private static async Task<Guid> ConveneAndOpenAsync(HttpClient http, Guid councilId, CancellationToken ct)
    {
        var convened = await http.PostAsJsonAsync("/api/v1/assemblies", new
        {
            councilId,
            startsAt = "2026-12-05T18:00:00-04:00",
            place = "Cancha del bloque 1",
            agenda = new[] { "Plan de agua del sector" },
        }, ct);
        var assemblyId = (await JsonAsync(convened, HttpStatusCode.Created, ct)).GetProperty("id").GetGuid();
        var opened = await http.PostAsJsonAsync($"/api/v1/assemblies/{assemblyId}/open", new { call = "first" }, ct);
        await JsonAsync(opened, HttpStatusCode.OK, ct);
        return assemblyId;
    }

    private static async Task<Guid> NewOpenVoteAsync(HttpClient http, Guid assemblyId, string question, CancellationToken ct)
    {
        var created = await http.PostAsJsonAsync($"/api/v1/assemblies/{assemblyId}/votes", new { question, kind = "yes-no-abstain", secret = true }, ct);
        var voteId = (await JsonAsync(created, HttpStatusCode.Created, ct)).GetProperty("id").GetGuid();
        var opened = await http.PostAsync($"/api/v1/assemblies/{assemblyId}/votes/{voteId}/open", null, ct);
        await JsonAsync(opened, HttpStatusCode.OK, ct);
        return voteId;
    }

    private static Task<HttpResponseMessage> Ballot(HttpClient http, Guid assemblyId, Guid voteId, Guid residentId, CancellationToken ct)
    {
        // A fixed mix of choices: about half yes, a third no, the rest abstain.
        var choice = ((residentId.GetHashCode() & 0x7fffffff) % 6) switch
        {
            < 3 => "yes",
            < 5 => "no",
            _ => "abstain",
        };
        return http.PostAsJsonAsync($"/api/v1/assemblies/{assemblyId}/votes/{voteId}/ballots", new { choice, residentId, channel = "paper" }, ct);
    }

    /// <summary>The ballots the public tally counts, read through the API after the burst.</summary>
    private static async Task<int> CountedAsync(HttpClient http, Guid assemblyId, Guid voteId, CancellationToken ct)
    {
        var tally = await http.GetAsync($"/api/v1/assemblies/{assemblyId}/votes/{voteId}/tally", ct);
        return (await JsonAsync(tally, HttpStatusCode.OK, ct)).GetProperty("ballots").GetInt32();
    }

    private static async Task CloseAsync(HttpClient http, Guid assemblyId, Guid voteId, CancellationToken ct) =>
        await JsonAsync(await http.PostAsync($"/api/v1/assemblies/{assemblyId}/votes/{voteId}/close", null, ct), HttpStatusCode.OK, ct);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken ct)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode != expected)
                throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
    }
}
