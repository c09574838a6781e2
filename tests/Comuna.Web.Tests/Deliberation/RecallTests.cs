using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Comuna.Web.Tests.Deliberation;

public sealed class RecallTests
{
    [Theory, BothEngines]
    public async Task Recall_QualifiesAtTenPercent_GoesToTheAssembly_AndEndsTheTermWhenApproved(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var spokesperson = await server.SignedInAsync("vocera.panal");
        using var resident = await server.SignedInAsync("residente.panal");
        using var oversight = await server.SignedInAsync("contraloria.panal");
        var driver = await AssemblyDriver.ForAsync(database, spokesperson, "DC-PANAL2021-CC01", ct);
        var sitting = await spokesperson.GetFromJsonAsync<JsonElement>($"/api/v1/councils/{driver.CouncilId}/spokespeople", ct);
        var target = sitting[0].GetProperty("id").GetGuid();

        var started = await resident.PostAsJsonAsync($"/api/v1/councils/{driver.CouncilId}/recalls",
            new { spokespersonId = target, reason = "No rinde cuentas de la distribución de alimentos." }, ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var petition = await started.Content.ReadFromJsonAsync<JsonElement>(ct);
        var petitionId = petition.GetProperty("id").GetGuid();
        var required = petition.GetProperty("signaturesRequired").GetInt32();
        Assert.Equal((int)Math.Ceiling(driver.Eligible.Count * 0.10), required);
        Assert.Equal(1, petition.GetProperty("signatures").GetInt32());
        Assert.Equal("collecting", petition.GetProperty("status").GetString());
        var twice = await resident.PostAsJsonAsync($"/api/v1/councils/{driver.CouncilId}/recalls", new { spokespersonId = target, reason = "Otra vez." }, ct);
        Assert.Equal("recall-already-open", await AssemblyDriver.CodeAsync(twice, ct));

        // Paper signatures, entered by social oversight; each sent twice at once counts once.
        var signers = driver.Eligible.Take(required + 5).ToList();
        var responses = await Task.WhenAll(signers.Concat(signers).Select(r =>
            oversight.PostAsJsonAsync($"/api/v1/recalls/{petitionId}/signatures", new { residentId = r }, ct)));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        var qualified = await server.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/recalls/{petitionId}", ct);
        Assert.Equal("qualified", qualified.GetProperty("status").GetString());
        Assert.True(qualified.GetProperty("signatures").GetInt32() >= required);
        Assert.True(qualified.GetProperty("signatures").GetInt32() <= signers.Count + 1);

        await driver.ConveneAndOpenAsync(ct, call: "second");
        var onAgenda = await spokesperson.PostAsJsonAsync($"/api/v1/recalls/{petitionId}/agenda", new { assemblyId = driver.AssemblyId }, ct);
        Assert.Equal(HttpStatusCode.Created, onAgenda.StatusCode);
        var voteId = (await onAgenda.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("voteId").GetGuid();
        var attendees = driver.Eligible.Take(driver.QuorumRequired).ToList();
        await Task.WhenAll(attendees.Select(r => driver.CheckInAsync(r, ct)));
        (await driver.OpenVoteAsync(voteId, ct)).EnsureSuccessStatusCode();
        foreach (var voter in attendees.Take(attendees.Count / 2 + 1))
            Assert.Equal(HttpStatusCode.Created, (await driver.PaperBallotAsync(voteId, voter, new { choice = "yes" }, ct)).StatusCode);
        (await driver.CloseVoteAsync(voteId, ct)).EnsureSuccessStatusCode();

        var after = await server.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/councils/{driver.CouncilId}/spokespeople", ct);
        Assert.False(after.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == target).GetProperty("inOffice").GetBoolean());
        var decided = await server.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/recalls/{petitionId}", ct);
        Assert.Equal("recalled", decided.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Recall_RaisedBySocialOversight_GoesStraightToTheAssembly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var oversight = await server.SignedInAsync("contraloria.panal");
        using var spokesperson = await server.SignedInAsync("vocera.panal");
        var driver = await AssemblyDriver.ForAsync(database, spokesperson, "DC-PANAL2021-CC01", ct);
        var sitting = await spokesperson.GetFromJsonAsync<JsonElement>($"/api/v1/councils/{driver.CouncilId}/spokespeople", ct);

        var raised = await oversight.PostAsJsonAsync($"/api/v1/councils/{driver.CouncilId}/recalls",
            new { spokespersonId = sitting[1].GetProperty("id").GetGuid(), reason = "Informe de contraloría 2026-11." }, ct);

        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var petition = await raised.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.True(petition.GetProperty("raisedByOversight").GetBoolean());
        Assert.Equal("qualified", petition.GetProperty("status").GetString());
        Assert.Equal(0, petition.GetProperty("signatures").GetInt32());
    }
}
