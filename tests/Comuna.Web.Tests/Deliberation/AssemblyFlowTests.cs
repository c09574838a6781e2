using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Comuna.Application.Deliberation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Web.Tests.Deliberation;

public sealed class AssemblyFlowTests
{
    [Theory, BothEngines]
    public async Task Assembly_FromQuorumToDecisionAndMinutes_AndTheRecordVerifies(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var spokesperson = await server.SignedInAsync("vocero.maizal");
        var driver = await AssemblyDriver.ForAsync(database, spokesperson, "LA-ELMAIZAL-CC01", ct);

        var assembly = await driver.ConveneAndOpenAsync(ct);

        // 30% of the eligible on first call, rounded up: computed from the census, never typed in.
        Assert.Equal(driver.Eligible.Count, assembly.GetProperty("eligible").GetInt32());
        Assert.Equal((int)Math.Ceiling(driver.Eligible.Count * 0.3), driver.QuorumRequired);
        var present = driver.Eligible.Take(driver.QuorumRequired - 1).ToList();
        foreach (var resident in present)
            Assert.Equal(HttpStatusCode.Created, (await driver.CheckInAsync(resident, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await driver.CheckInAsync(present[0], ct)).StatusCode);

        var voteId = await driver.CreateVoteAsync(new
        {
            question = "¿Aprobamos reparar la tubería de agua del sector?",
            kind = "yes-no-abstain",
            secret = true,
            mandate = new { purpose = "Reparación de la tubería de agua", amount = 150_000_00L, currency = "VES" },
        }, ct);
        var withoutQuorum = await driver.OpenVoteAsync(voteId, ct);
        Assert.Equal(HttpStatusCode.Conflict, withoutQuorum.StatusCode);
        Assert.Equal("quorum-not-met", await AssemblyDriver.CodeAsync(withoutQuorum, ct));

        present.Add(driver.Eligible[driver.QuorumRequired - 1]);
        Assert.Equal(HttpStatusCode.Created, (await driver.CheckInAsync(present[^1], ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await driver.OpenVoteAsync(voteId, ct)).StatusCode);

        var yes = present.Count / 2 + 1;
        var receipts = new List<string>();
        for (var i = 0; i < present.Count; i++)
        {
            var choice = i < yes ? "sí" : i % 2 == 0 ? "no" : "abstain";
            var cast = await driver.PaperBallotAsync(voteId, present[i], new { choice }, ct);
            Assert.Equal(HttpStatusCode.Created, cast.StatusCode);
            receipts.Add((await cast.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("receipt").GetString()!);
        }
        var twice = await driver.PaperBallotAsync(voteId, present[0], new { choice = "no" }, ct);
        Assert.Equal("already-voted", await AssemblyDriver.CodeAsync(twice, ct));
        var absent = await driver.PaperBallotAsync(voteId, driver.Eligible[^1], new { choice = "yes" }, ct);
        Assert.Equal(HttpStatusCode.Forbidden, absent.StatusCode);
        Assert.Equal("not-present", await AssemblyDriver.CodeAsync(absent, ct));

        var closed = await driver.CloseVoteAsync(voteId, ct);
        closed.EnsureSuccessStatusCode();
        var tally = await closed.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(present.Count, tally.GetProperty("ballots").GetInt32());
        Assert.Equal(yes, tally.GetProperty("counts").GetProperty("yes").GetInt32());
        Assert.True(tally.GetProperty("passed").GetBoolean());

        // The public log: every receipt is there, and the chain recomputes from the documented formula.
        var log = await spokesperson.GetFromJsonAsync<JsonElement>($"/api/v1/assemblies/{driver.AssemblyId}/votes/{voteId}/log", ct);
        Assert.Equal(receipts.Order(), log.EnumerateArray().Select(e => e.GetProperty("receipt").GetString()!).Order());
        var previous = log[0].GetProperty("previousHash").GetString();
        foreach (var entry in log.EnumerateArray())
        {
            Assert.Equal(previous, entry.GetProperty("previousHash").GetString());
            var text = $"{voteId:D}\n{entry.GetProperty("sequence").GetInt32()}\n{entry.GetProperty("receipt").GetString()}\n{entry.GetProperty("choice").GetString()}\n{previous}";
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            Assert.Equal(hash, entry.GetProperty("hash").GetString());
            previous = hash;
        }
        Assert.Equal(yes, log.EnumerateArray().Count(e => e.GetProperty("choice").GetString() == "yes"));

        var decisionId = tally.GetProperty("decisionId").GetGuid();
        var decision = await server.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/decisions/{decisionId}", ct);
        Assert.Equal(150_000_00L, decision.GetProperty("mandate").GetProperty("remaining").GetInt64());
        Assert.Equal("VES", decision.GetProperty("mandate").GetProperty("currency").GetString());

        var minutesResponse = await spokesperson.PostAsync($"/api/v1/assemblies/{driver.AssemblyId}/close", null, ct);
        minutesResponse.EnsureSuccessStatusCode();
        var minutes = await minutesResponse.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(64, minutes.GetProperty("checkpoint").GetString()!.Length);
        Assert.Equal(present.Count, minutes.GetProperty("content").GetProperty("present").GetInt32());
        Assert.Single(minutes.GetProperty("content").GetProperty("decisions").EnumerateArray());

        await using var scope = server.Services.CreateAsyncScope();
        var verify = scope.ServiceProvider.GetRequiredService<VerifyAssembly>();
        var clean = await verify.ExecuteAsync(driver.AssemblyId, ct);
        Assert.True(clean.Value.Holds, string.Join("; ", clean.Value.Differences));

        // Someone with the database in hand turns a "no" into a "yes": the chain tells.
        await using (var db = database.NewContext())
        {
            var entry = await db.VoteLog.FirstAsync(e => e.VoteId == voteId && e.Choice == "no", ct);
            entry.Choice = "yes";
            await db.SaveChangesAsync(ct);
        }
        var tampered = await verify.ExecuteAsync(driver.AssemblyId, ct);
        Assert.False(tampered.Value.Holds);
        Assert.Contains(tampered.Value.Differences, d => d.Contains("hash chain breaks", StringComparison.Ordinal));
    }

    [Theory, BothEngines]
    public async Task RankedVote_PrioritisesProblemsBySchulze_WithThePairwiseTable(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var spokesperson = await server.SignedInAsync("vocero.maizal");
        var driver = await AssemblyDriver.ForAsync(database, spokesperson, "LA-ELMAIZAL-CC01", ct);
        await driver.ConveneAndOpenAsync(ct, call: "second");
        var voters = driver.Eligible.Take(Math.Max(driver.QuorumRequired, 9)).ToList();
        foreach (var resident in voters)
            await driver.CheckInAsync(resident, ct);
        var voteId = await driver.CreateVoteAsync(new { question = "¿Qué problema atendemos primero?", kind = "ranked", secret = true, options = new[] { "agua", "vialidad", "electricidad" } }, ct);
        (await driver.OpenVoteAsync(voteId, ct)).EnsureSuccessStatusCode();

        // 4 × agua > electricidad > vialidad, 3 × vialidad > electricidad > agua, 2 × electricidad > vialidad > agua:
        // agua has the most first places, yet electricidad beats both others head to head (5–4, 5–4).
        string[][] ballots = [.. Enumerable.Repeat(new[] { "agua", "electricidad", "vialidad" }, 4),
            .. Enumerable.Repeat(new[] { "vialidad", "electricidad", "agua" }, 3),
            .. Enumerable.Repeat(new[] { "electricidad", "vialidad", "agua" }, 2)];
        for (var i = 0; i < ballots.Length; i++)
            Assert.Equal(HttpStatusCode.Created, (await driver.PaperBallotAsync(voteId, voters[i], new { choices = ballots[i] }, ct)).StatusCode);

        var tally = await spokesperson.GetFromJsonAsync<JsonElement>($"/api/v1/assemblies/{driver.AssemblyId}/votes/{voteId}/tally", ct);

        Assert.Equal(["electricidad", "vialidad", "agua"], tally.GetProperty("ranking").EnumerateArray().Select(r => r.GetString()));
        var pairwise = tally.GetProperty("pairwise");
        Assert.Equal(5, pairwise.GetProperty("electricidad").GetProperty("agua").GetInt32());
        Assert.Equal(4, pairwise.GetProperty("agua").GetProperty("electricidad").GetInt32());
        Assert.Equal(6, pairwise.GetProperty("electricidad").GetProperty("vialidad").GetInt32());
    }
}
