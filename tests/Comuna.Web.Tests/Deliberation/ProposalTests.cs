using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Deliberation;

public sealed class ProposalTests
{
    [Theory, BothEngines]
    public async Task Proposal_IsDebatedAmendedVotedAndRecordedInTheMinutes(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var spokesperson = await server.SignedInAsync("vocera.panal");
        using var resident = await server.SignedInAsync("residente.panal");
        using var outsider = await server.SignedInAsync("admin.lidice");
        var driver = await AssemblyDriver.ForAsync(database, spokesperson, "DC-PANAL2021-CC01", ct);
        await driver.ConveneAndOpenAsync(ct, call: "second");
        var assembly = await spokesperson.GetFromJsonAsync<JsonElement>($"/api/v1/assemblies/{driver.AssemblyId}", ct);
        var itemId = assembly.GetProperty("agenda")[1].GetProperty("id").GetGuid();

        var submitted = await resident.PostAsJsonAsync($"/api/v1/assemblies/{driver.AssemblyId}/proposals", new
        {
            agendaItemId = itemId,
            title = "Tubería nueva",
            text = "Sustituir 200 m de tubería del bloque 2.",
        }, ct);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var proposalId = (await submitted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Created, (await resident.PostAsJsonAsync($"/api/v1/proposals/{proposalId}/arguments",
            new { side = "for", text = "Hay fugas desde hace un año." }, ct)).StatusCode);
        var someoneElse = driver.Eligible[^1];
        Assert.Equal(HttpStatusCode.Created, (await spokesperson.PostAsJsonAsync($"/api/v1/proposals/{proposalId}/arguments",
            new { side = "against", text = "Primero hay que reparar la bomba.", residentId = someoneElse }, ct)).StatusCode);
        var notAResident = await outsider.PostAsJsonAsync($"/api/v1/proposals/{proposalId}/arguments", new { side = "for", text = "…" }, ct);
        Assert.Equal(HttpStatusCode.Forbidden, notAResident.StatusCode);

        var amended = await resident.PostAsJsonAsync($"/api/v1/proposals/{proposalId}/amendments",
            new { text = "Sustituir 200 m de tubería del bloque 2 y reparar la bomba." }, ct);
        amended.EnsureSuccessStatusCode();
        Assert.Equal(1, (await amended.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("revision").GetInt32());

        var toVote = await spokesperson.PostAsJsonAsync($"/api/v1/proposals/{proposalId}/vote",
            new { secret = false, mandate = new { purpose = "Tubería y bomba del bloque 2", amount = 80_000_00L, currency = "VES" } }, ct);
        Assert.Equal(HttpStatusCode.Created, toVote.StatusCode);
        var voteId = (await toVote.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        var late = await resident.PostAsJsonAsync($"/api/v1/proposals/{proposalId}/amendments", new { text = "Otra cosa." }, ct);
        Assert.Equal("proposal-not-in-debate", await AssemblyDriver.CodeAsync(late, ct));

        var attendees = driver.Eligible.Take(driver.QuorumRequired).ToList();
        await Task.WhenAll(attendees.Select(r => driver.CheckInAsync(r, ct)));
        (await driver.OpenVoteAsync(voteId, ct)).EnsureSuccessStatusCode();
        foreach (var voter in attendees.Take(attendees.Count / 2 + 1))
            Assert.Equal(HttpStatusCode.Created, (await driver.PaperBallotAsync(voteId, voter, new { choice = "yes" }, ct)).StatusCode);
        (await driver.CloseVoteAsync(voteId, ct)).EnsureSuccessStatusCode();
        var minutesResponse = await spokesperson.PostAsync($"/api/v1/assemblies/{driver.AssemblyId}/close", null, ct);
        minutesResponse.EnsureSuccessStatusCode();

        var proposals = await server.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/assemblies/{driver.AssemblyId}/proposals", ct);
        var proposal = proposals[0];
        Assert.Equal("approved", proposal.GetProperty("status").GetString());
        Assert.Single(proposal.GetProperty("amendments").EnumerateArray());
        Assert.Equal(2, proposal.GetProperty("arguments").GetArrayLength());
        var minutes = await minutesResponse.Content.ReadFromJsonAsync<JsonElement>(ct);
        var recorded = minutes.GetProperty("content").GetProperty("agenda")[1].GetProperty("proposals")[0];
        Assert.Equal(1, recorded.GetProperty("revision").GetInt32());
        Assert.Equal(1, recorded.GetProperty("argumentsFor").GetInt32());
        Assert.Equal(1, recorded.GetProperty("argumentsAgainst").GetInt32());
        Assert.Equal("Approved", recorded.GetProperty("status").GetString());
        await using var db = database.NewContext();
        Assert.Equal(80_000_00L, await db.Decisions.Where(d => d.VoteId == voteId).Select(d => d.MandateAmountMinor).SingleAsync(ct));
    }
}
