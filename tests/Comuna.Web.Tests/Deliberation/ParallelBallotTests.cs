using System.Net;
using Comuna.Application.Deliberation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Web.Tests.Deliberation;

/// <summary>
/// One ballot per voter, whatever arrives at once: 100 voters, each ballot sent 10 times in
/// parallel to a real server. The database's UNIQUE(vote, voter) has the last word.
/// </summary>
public sealed class ParallelBallotTests
{
    private const int Voters = 100;
    private const int AttemptsEach = 10;

    [Theory, BothEngines]
    public async Task HundredVotersTimesTenParallelAttempts_CountExactlyHundredBallots_AndTheChainHolds(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var admin = await server.SignedInAsync("admin.panal");
        var driver = await AssemblyDriver.ForAsync(database, admin, "DC-PANAL2021-CC02", ct);
        await driver.ConveneAndOpenAsync(ct, call: "second");

        // Check-ins race too: each person checked in twice at once is present once.
        var attendees = driver.Eligible.Take(Math.Max(driver.QuorumRequired, Voters)).ToList();
        var checkIns = await Task.WhenAll(attendees.Concat(attendees).Select(r => driver.CheckInAsync(r, ct)));
        Assert.Equal(attendees.Count, checkIns.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(checkIns, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK));

        var voteId = await driver.CreateVoteAsync(new { question = "¿Aprobamos la jornada de limpieza?", kind = "yes-no-abstain", secret = true }, ct);
        (await driver.OpenVoteAsync(voteId, ct)).EnsureSuccessStatusCode();

        var voters = attendees.Take(Voters).ToList();
        var attempts = voters.SelectMany(v => Enumerable.Repeat(v, AttemptsEach)).ToList();
        var responses = await Task.WhenAll(attempts.Select((voter, i) =>
            driver.PaperBallotAsync(voteId, voter, new { choice = i % 3 == 0 ? "no" : "yes" }, ct)));

        var refusals = await Task.WhenAll(responses.Where(r => r.StatusCode != HttpStatusCode.Created)
            .Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync(ct)}"));
        var codes = await Task.WhenAll(responses.Where(r => r.StatusCode != HttpStatusCode.Created).Select(r => AssemblyDriver.CodeAsync(r, ct)));
        Assert.True(Voters == responses.Count(r => r.StatusCode == HttpStatusCode.Created),
            $"{responses.Count(r => r.StatusCode == HttpStatusCode.Created)} ballots counted; other answers: "
            + string.Join(" | ", refusals.Where(r => !r.Contains("already-voted", StringComparison.Ordinal)).Distinct().Take(5)));
        Assert.All(codes, code => Assert.Equal("already-voted", code));

        await using (var db = database.NewContext())
        {
            Assert.Equal(Voters, await db.BallotCasts.CountAsync(b => b.VoteId == voteId, ct));
            Assert.Equal(Voters, await db.BallotCasts.Where(b => b.VoteId == voteId).Select(b => b.ResidentId).Distinct().CountAsync(ct));
            var sequences = await db.VoteLog.Where(e => e.VoteId == voteId).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(ct);
            Assert.Equal(Enumerable.Range(1, Voters), sequences);
        }
        await using var scope = server.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<VerifyAssembly>().ExecuteAsync(driver.AssemblyId, ct);
        Assert.True(report.Value.Holds, string.Join("; ", report.Value.Differences));
        Assert.Equal(Voters, report.Value.BallotsChecked);
    }
}
