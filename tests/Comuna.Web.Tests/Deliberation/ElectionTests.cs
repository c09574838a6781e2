using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comuna.Application.Deliberation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Web.Tests.Deliberation;

/// <summary>
/// Spokespeople are elected in the assembly: secret, one post at a time, among residents who may
/// stand; the one with the most votes takes the post and whoever held it leaves it.
/// </summary>
public sealed class ElectionTests
{
    private const string Council = "DC-PANAL2021-CC02";

    [Theory, BothEngines]
    public async Task Election_SeatsTheCandidateWithMostVotes_AndEndsTheFormerHoldersTerm(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var admin = await server.SignedInAsync("admin.panal");
        var driver = await AssemblyDriver.ForAsync(database, admin, Council, ct);
        var candidates = await FreeResidentsAsync(database, driver, 4, ct);
        var former = candidates[3];
        var recorded = await admin.PostAsJsonAsync($"/api/v1/councils/{driver.CouncilId}/spokespeople",
            new { residentId = former, unit = "executive", committee = "salud", electedOn = "2025-01-10" }, ct);
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync(ct));
        var formerId = (await recorded.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();

        await driver.ConveneAndOpenAsync(ct, call: "second");
        var attendees = driver.Eligible.Take(Math.Max(driver.QuorumRequired, 12)).ToList();
        await Task.WhenAll(attendees.Select(r => driver.CheckInAsync(r, ct)));
        var created = await admin.PostAsJsonAsync($"/api/v1/assemblies/{driver.AssemblyId}/votes", new
        {
            question = "Elección de vocería del comité de salud",
            kind = "election",
            secret = true,
            post = new { unit = "executive", committee = "salud" },
            candidates = candidates.Take(3),
        }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var vote = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        var voteId = vote.GetProperty("id").GetGuid();
        var names = vote.GetProperty("options").EnumerateArray().Select(o => o.GetString()!).ToList();
        Assert.Equal(3, names.Count);
        Assert.Equal(candidates.Take(3), vote.GetProperty("candidates").EnumerateArray().Select(c => c.GetGuid()));
        (await driver.OpenVoteAsync(voteId, ct)).EnsureSuccessStatusCode();

        // 5 for the second candidate, 3 for the first, 1 for the third.
        var plan = Enumerable.Repeat(names[1], 5).Concat(Enumerable.Repeat(names[0], 3)).Append(names[2]).ToList();
        for (var i = 0; i < plan.Count; i++)
            Assert.Equal(HttpStatusCode.Created, (await driver.PaperBallotAsync(voteId, attendees[i], new { choice = plan[i] }, ct)).StatusCode);
        var notStanding = await driver.PaperBallotAsync(voteId, attendees[plan.Count], new { choice = "Nadie" }, ct);
        Assert.Equal("invalid-ballot", await AssemblyDriver.CodeAsync(notStanding, ct));
        var closed = await driver.CloseVoteAsync(voteId, ct);
        closed.EnsureSuccessStatusCode();
        var tally = await closed.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(9, tally.GetProperty("ballots").GetInt32());
        Assert.Equal(5, tally.GetProperty("counts").GetProperty(names[1]).GetInt32());
        Assert.True(tally.GetProperty("passed").GetBoolean());

        var decision = await server.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/decisions/{tally.GetProperty("decisionId").GetGuid()}", ct);
        Assert.EndsWith(names[1], decision.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("comité de salud", decision.GetProperty("mandate").GetProperty("action").GetString(), StringComparison.Ordinal);

        var sitting = (await server.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/councils/{driver.CouncilId}/spokespeople", ct)).EnumerateArray().ToList();
        var elected = sitting.Single(s => s.GetProperty("residentId").GetGuid() == candidates[1]);
        Assert.True(elected.GetProperty("inOffice").GetBoolean());
        Assert.Equal("executive", elected.GetProperty("unit").GetString());
        Assert.Equal("salud", elected.GetProperty("committee").GetString());
        Assert.Equal(voteId, elected.GetProperty("electedInVoteId").GetGuid());
        Assert.False(sitting.Single(s => s.GetProperty("id").GetGuid() == formerId).GetProperty("inOffice").GetBoolean());
        Assert.DoesNotContain(sitting, s => s.GetProperty("residentId").GetGuid() == candidates[0] || s.GetProperty("residentId").GetGuid() == candidates[2]);

        // The log's genesis commits to the post and the candidates: the recount holds.
        await using var scope = server.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<VerifyAssembly>().ExecuteAsync(driver.AssemblyId, ct);
        Assert.True(report.Value.Holds, string.Join("; ", report.Value.Differences));
    }

    [Fact]
    public async Task Election_WithATieAtTheTop_SeatsNobodyAndRecordsNoDecision()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var admin = await server.SignedInAsync("admin.panal");
        var driver = await AssemblyDriver.ForAsync(database, admin, Council, ct);
        var candidates = await FreeResidentsAsync(database, driver, 2, ct);
        await driver.ConveneAndOpenAsync(ct, call: "second");
        var attendees = driver.Eligible.Take(driver.QuorumRequired).ToList();
        await Task.WhenAll(attendees.Select(r => driver.CheckInAsync(r, ct)));
        var created = await admin.PostAsJsonAsync($"/api/v1/assemblies/{driver.AssemblyId}/votes", new
        {
            question = "Elección de la Comisión Electoral",
            kind = "election",
            secret = true,
            post = new { unit = "electoral-commission" },
            candidates,
        }, ct);
        var vote = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        var voteId = vote.GetProperty("id").GetGuid();
        var names = vote.GetProperty("options").EnumerateArray().Select(o => o.GetString()!).ToList();
        (await driver.OpenVoteAsync(voteId, ct)).EnsureSuccessStatusCode();
        // One each: the single-name "choices" form counts like "choice".
        Assert.Equal(HttpStatusCode.Created, (await driver.PaperBallotAsync(voteId, attendees[0], new { choices = new[] { names[0] } }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await driver.PaperBallotAsync(voteId, attendees[1], new { choice = names[1] }, ct)).StatusCode);
        var tally = await (await driver.CloseVoteAsync(voteId, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.False(tally.GetProperty("passed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, tally.GetProperty("decisionId").ValueKind);
        await using var db = database.NewContext();
        Assert.False(await db.Spokespeople.AnyAsync(x => x.ElectedInVoteId == voteId, ct));
    }

    [Fact]
    public async Task Election_RefusesOpenBallots_StrangersAndThoseSittingInAnotherUnit()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var admin = await server.SignedInAsync("admin.panal");
        var driver = await AssemblyDriver.ForAsync(database, admin, Council, ct);
        var candidates = await FreeResidentsAsync(database, driver, 2, ct);
        var treasurer = candidates[1];
        (await admin.PostAsJsonAsync($"/api/v1/councils/{driver.CouncilId}/spokespeople",
            new { residentId = treasurer, unit = "finance-unit", electedOn = "2025-01-10" }, ct)).EnsureSuccessStatusCode();
        await driver.ConveneAndOpenAsync(ct, call: "second");
        Guid stranger;
        await using (var db = database.NewContext())
            stranger = await db.Residents.Where(r => r.Household!.CouncilId != driver.CouncilId).Select(r => r.Id).FirstAsync(ct);

        async Task<string?> RefusalAsync(object body) =>
            await AssemblyDriver.CodeAsync(await admin.PostAsJsonAsync($"/api/v1/assemblies/{driver.AssemblyId}/votes", body, ct), ct);
        var post = new { unit = "executive", committee = "deportes" };
        Assert.Equal("election-is-secret", await RefusalAsync(new { question = "Vocería de deportes", kind = "election", secret = false, post, candidates = new[] { candidates[0] } }));
        Assert.Equal("resident-not-in-council", await RefusalAsync(new { question = "Vocería de deportes", kind = "election", secret = true, post, candidates = new[] { candidates[0], stranger } }));
        Assert.Equal("one-unit-only", await RefusalAsync(new { question = "Vocería de deportes", kind = "election", secret = true, post, candidates = new[] { treasurer } }));
        Assert.Equal("invalid-field", await RefusalAsync(new { question = "Vocería de deportes", kind = "election", secret = true, post, candidates = Array.Empty<Guid>() }));
        Assert.Equal("invalid-field", await RefusalAsync(new { question = "Vocería de deportes", kind = "election", secret = true, post = new { unit = "executive" }, candidates = new[] { candidates[0] } }));
        Assert.Equal("invalid-field", await RefusalAsync(new { question = "¿Sí o no?", kind = "yes-no-abstain", secret = true, post, candidates = new[] { candidates[0] } }));
        await using var check = database.NewContext();
        Assert.False(await check.Votes.AnyAsync(v => v.AssemblyId == driver.AssemblyId, ct));
    }

    /// <summary>Eligible residents of the council who hold no post, to stand as candidates.</summary>
    private static async Task<List<Guid>> FreeResidentsAsync(TestDatabase database, AssemblyDriver driver, int count, CancellationToken ct)
    {
        await using var db = database.NewContext();
        var sitting = await db.Spokespeople.Where(s => s.CouncilId == driver.CouncilId).Select(s => s.ResidentId).ToListAsync(ct);
        return driver.Eligible.Where(r => !sitting.Contains(r)).Take(count).ToList();
    }
}
