using System.Net;
using Comuna.Domain.Registry;
using Comuna.Web.Tests.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Pages;

public sealed class ElectionPageTests
{
    [Fact]
    public async Task Election_PutFromThePageByCedulas_IsVotedOnPaper_AndSeatsTheWinner()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var api = await server.SignedInAsync("vocero.maizal");
        var driver = await AssemblyDriver.ForAsync(database, api, DeliberationPages.Maizal, ct);
        await driver.ConveneAndOpenAsync(ct, call: "second");
        var present = driver.Eligible.Take(Math.Max(driver.QuorumRequired, 3)).ToList();
        foreach (var resident in present)
            (await driver.CheckInAsync(resident, ct)).Dispose();
        var sitting = await DeliberationPages.QueryAsync(database, db => db.Spokespeople.Select(s => s.ResidentId).ToListAsync(ct));
        var standing = driver.Eligible.Where(r => !sitting.Contains(r)).Take(2).ToList();
        var cedulas = await DeliberationPages.NationalIdsAsync(database, standing);
        var voters = await DeliberationPages.NationalIdsAsync(database, present);

        using var client = new PageClient(server);
        await client.SignInAsync("vocero.maizal");
        var page = $"/asambleas/{driver.AssemblyId}";
        var form = await client.HtmlAsync(page);
        Assert.Contains("Elección de vocería (secreta, una vocería a la vez)", form);
        Assert.Contains("<option value=\"Election\">Elección de vocería</option>", form);

        KeyValuePair<string, string>[] Election(string candidates) =>
        [
            new("NewVote.Question", "Vocería del comité de salud"), new("NewVote.Kind", "Election"), new("NewVote.Secret", "true"),
            new("NewVote.PostUnit", "Executive"), new("NewVote.PostCommittee", "salud"), new("NewVote.Candidates", candidates),
        ];
        using var unknown = await client.SubmitAsync(page, Election($"{cedulas[0]}\nV-1"), $"{page}?handler=CreateVote");
        Assert.Contains("Línea 2:", await PageClient.TextAsync(unknown));
        Assert.Equal(0, await DeliberationPages.QueryAsync(database, db => db.Votes.CountAsync(v => v.AssemblyId == driver.AssemblyId, ct)));

        using var created = await client.SubmitAsync(page, Election(string.Join("\r\n", cedulas)), $"{page}?handler=CreateVote");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var vote = await DeliberationPages.QueryAsync(database, db => db.Votes.SingleAsync(v => v.AssemblyId == driver.AssemblyId, ct));
        Assert.Equal(standing, vote.Candidates);
        Assert.True(vote.Secret);
        (await driver.OpenVoteAsync(vote.Id, ct)).EnsureSuccessStatusCode();
        var ballot = await client.HtmlAsync(page);
        Assert.Contains($"name=\"choice\" value=\"{vote.Options[1]}\"", ballot);

        foreach (var (voter, choice) in voters.Take(3).Zip([vote.Options[1], vote.Options[1], vote.Options[0]]))
        {
            using var counted = await client.SubmitAsync(page,
                [new("voteId", vote.Id.ToString()), new("nationalId", voter), new("choice", choice)], $"{page}?handler=PaperBallot");
            Assert.Contains("contada. Comprobante para entregar a quien votó", await PageClient.TextAsync(counted));
        }
        (await driver.CloseVoteAsync(vote.Id, ct)).EnsureSuccessStatusCode();

        var seated = await DeliberationPages.QueryAsync(database, db => db.Spokespeople.SingleAsync(s => s.ElectedInVoteId == vote.Id, ct));
        Assert.Equal(standing[1], seated.ResidentId);
        Assert.Equal(SpokespersonUnit.Executive, seated.Unit);
        Assert.Equal("salud", seated.Committee);
        var result = await client.HtmlAsync($"/asambleas/{driver.AssemblyId}/votaciones/{vote.Id}");
        Assert.Contains(vote.Options[1], result);
    }
}
