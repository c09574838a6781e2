using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comuna.Application.Deliberation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Web.Tests.Deliberation;

public sealed class ParliamentTests
{
    private const string LidiceCode = "COM-DC-ALTOSLIDICE";

    [Theory, BothEngines]
    public async Task Parliament_OfDelegates_MeetsWithAMajorityOfItsSeatsAndDecidesForTheCommune(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        // Altos de Lídice: the demo seats Panal 2021's parliament already, this one is still empty.
        using var admin = await server.SignedInAsync("admin.lidice");
        // A spokesperson of another commune finds no parliament to seat anyone in.
        using var spokesperson = await server.SignedInAsync("vocera.panal");
        Guid lidice;
        List<(Guid Council, Guid[] Adults)> councils;
        var cutoff = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-20);
        await using (var db = database.NewContext())
        {
            lidice = await db.Communes.Where(c => c.Code == LidiceCode).Select(c => c.Id).SingleAsync(ct);
            var ids = await db.Councils.Where(c => c.CommuneId == lidice).OrderBy(c => c.Code).Select(c => c.Id).ToListAsync(ct);
            councils = [];
            foreach (var id in ids)
            {
                var adults = await db.Residents.Where(r => r.Household!.CouncilId == id && r.BirthDate <= cutoff)
                    .OrderBy(r => r.NationalId).Select(r => r.Id).Take(3).ToArrayAsync(ct);
                councils.Add((id, adults));
            }
        }
        var seats = $"/api/v1/communes/{lidice}/parliament/seats";

        // One delegate per council, three for the productive organisations, one for the bank.
        foreach (var (council, adults) in councils)
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(seats, new { residentId = adults[0], kind = "council", councilId = council }, ct)).StatusCode);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(seats, new { residentId = councils[i].Adults[1], kind = "productive-organisation" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(seats, new { residentId = councils[3].Adults[1], kind = "communal-bank" }, ct)).StatusCode);
        var second = await admin.PostAsJsonAsync(seats, new { residentId = councils[0].Adults[2], kind = "council", councilId = councils[0].Council }, ct);
        Assert.Equal("seats-full", await AssemblyDriver.CodeAsync(second, ct));
        Assert.Equal(HttpStatusCode.NotFound, (await spokesperson.PostAsJsonAsync(seats, new { residentId = councils[0].Adults[2], kind = "productive-organisation" }, ct)).StatusCode);
        var delegates = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/communes/{lidice}/parliament", ct))
            .EnumerateArray().Select(s => s.GetProperty("residentId").GetGuid()).ToList();
        Assert.Equal(11, delegates.Count);

        var convened = await admin.PostAsJsonAsync("/api/v1/assemblies",
            new { communeId = lidice, startsAt = "2026-12-19T15:00:00-04:00", place = "Sede de la comuna", agenda = new[] { "Plan de la panadería" } }, ct);
        Assert.Equal(HttpStatusCode.Created, convened.StatusCode);
        var sessionId = (await convened.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        var opened = await (await admin.PostAsJsonAsync($"/api/v1/assemblies/{sessionId}/open", new { call = "first" }, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(11, opened.GetProperty("eligible").GetInt32());
        Assert.Equal(6, opened.GetProperty("quorumRequired").GetInt32());

        var notADelegate = await admin.PostAsJsonAsync($"/api/v1/assemblies/{sessionId}/attendance", new { residentId = councils[6].Adults[2] }, ct);
        Assert.Equal("resident-not-in-council", await AssemblyDriver.CodeAsync(notADelegate, ct));
        foreach (var delegateId in delegates.Take(6))
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/assemblies/{sessionId}/attendance", new { residentId = delegateId }, ct)).StatusCode);
        var created = await admin.PostAsJsonAsync($"/api/v1/assemblies/{sessionId}/votes", new
        {
            question = "¿Invertimos el excedente de la panadería en un segundo horno?",
            kind = "yes-no-abstain",
            secret = false,
            mandate = new { purpose = "Segundo horno de la panadería", amount = 2_500_00L, currency = "USD" },
        }, ct);
        var voteId = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        (await admin.PostAsync($"/api/v1/assemblies/{sessionId}/votes/{voteId}/open", null, ct)).EnsureSuccessStatusCode();
        for (var i = 0; i < 6; i++)
        {
            var ballot = await admin.PostAsJsonAsync($"/api/v1/assemblies/{sessionId}/votes/{voteId}/ballots",
                new { choice = i < 5 ? "yes" : "no", residentId = delegates[i], channel = "paper" }, ct);
            Assert.Equal(HttpStatusCode.Created, ballot.StatusCode);
        }
        var tally = await (await admin.PostAsync($"/api/v1/assemblies/{sessionId}/votes/{voteId}/close", null, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.True(tally.GetProperty("passed").GetBoolean());
        var decision = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/decisions/{tally.GetProperty("decisionId").GetGuid()}", ct);
        Assert.Equal(lidice, decision.GetProperty("communeId").GetGuid());
        Assert.Equal(JsonValueKind.Null, decision.GetProperty("councilId").ValueKind);

        (await admin.PostAsync($"/api/v1/assemblies/{sessionId}/close", null, ct)).EnsureSuccessStatusCode();
        await using var scope = server.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<VerifyAssembly>().ExecuteAsync(sessionId, ct);
        Assert.True(report.Value.Holds, string.Join("; ", report.Value.Differences));
    }
}
