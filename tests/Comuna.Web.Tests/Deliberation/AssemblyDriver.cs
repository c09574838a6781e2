using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Deliberation;

/// <summary>Drives one council's assembly through the API, for tests that need one in session.</summary>
internal sealed class AssemblyDriver(HttpClient client, Guid councilId, List<Guid> eligible)
{
    public Guid CouncilId => councilId;

    /// <summary>The council's residents aged 15 or more, oldest first.</summary>
    public IReadOnlyList<Guid> Eligible => eligible;

    public Guid AssemblyId { get; private set; }

    public int QuorumRequired { get; private set; }

    public static async Task<AssemblyDriver> ForAsync(TestDatabase database, HttpClient client, string councilCode, CancellationToken ct)
    {
        await using var db = database.NewContext();
        var councilId = await db.Councils.Where(c => c.Code == councilCode).Select(c => c.Id).SingleAsync(ct);
        var cutoff = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-15);
        var eligible = await db.Residents.Where(r => r.Household!.CouncilId == councilId && r.BirthDate <= cutoff)
            .OrderBy(r => r.BirthDate).ThenBy(r => r.NationalId).Select(r => r.Id).ToListAsync(ct);
        return new AssemblyDriver(client, councilId, eligible);
    }

    public async Task<JsonElement> ConveneAndOpenAsync(CancellationToken ct, string call = "first")
    {
        var convened = await client.PostAsJsonAsync("/api/v1/assemblies", new
        {
            councilId = CouncilId,
            startsAt = "2026-12-05T18:00:00-04:00",
            place = "Casa comunal",
            agenda = new[] { "Diagnóstico: problemas del sector", "Reparación de la tubería de agua" },
        }, ct);
        Assert.Equal(HttpStatusCode.Created, convened.StatusCode);
        AssemblyId = (await convened.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        var opened = await client.PostAsJsonAsync($"/api/v1/assemblies/{AssemblyId}/open", new { call }, ct);
        opened.EnsureSuccessStatusCode();
        var assembly = await opened.Content.ReadFromJsonAsync<JsonElement>(ct);
        QuorumRequired = assembly.GetProperty("quorumRequired").GetInt32();
        return assembly;
    }

    public async Task<HttpResponseMessage> CheckInAsync(Guid residentId, CancellationToken ct) =>
        await client.PostAsJsonAsync($"/api/v1/assemblies/{AssemblyId}/attendance", new { residentId }, ct);

    public async Task<Guid> CreateVoteAsync(object body, CancellationToken ct)
    {
        var created = await client.PostAsJsonAsync($"/api/v1/assemblies/{AssemblyId}/votes", body, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
    }

    public Task<HttpResponseMessage> OpenVoteAsync(Guid voteId, CancellationToken ct) =>
        client.PostAsync($"/api/v1/assemblies/{AssemblyId}/votes/{voteId}/open", null, ct);

    public Task<HttpResponseMessage> CloseVoteAsync(Guid voteId, CancellationToken ct) =>
        client.PostAsync($"/api/v1/assemblies/{AssemblyId}/votes/{voteId}/close", null, ct);

    public Task<HttpResponseMessage> PaperBallotAsync(Guid voteId, Guid residentId, object ballot, CancellationToken ct, HttpClient? via = null)
    {
        var body = JsonSerializer.SerializeToElement(ballot);
        var merged = body.EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value);
        merged["residentId"] = residentId;
        merged["channel"] = "paper";
        return (via ?? client).PostAsJsonAsync($"/api/v1/assemblies/{AssemblyId}/votes/{voteId}/ballots", merged, ct);
    }

    public static async Task<string?> CodeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return body.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}
