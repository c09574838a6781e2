using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Distribution;

/// <summary>Drives one council's distribution round through the API, for tests that need one open.</summary>
internal sealed class RoundDriver(HttpClient client, Guid councilId, List<Guid> households)
{
    public Guid CouncilId => councilId;

    /// <summary>The council's households, by code.</summary>
    public IReadOnlyList<Guid> Households => households;

    public Guid RoundId { get; private set; }

    public static async Task<RoundDriver> ForAsync(TestDatabase database, HttpClient client, string councilCode, CancellationToken ct)
    {
        await using var db = database.NewContext();
        var councilId = await db.Councils.Where(c => c.Code == councilCode).Select(c => c.Id).SingleAsync(ct);
        var households = await db.Households.Where(h => h.CouncilId == councilId).OrderBy(h => h.Code).Select(h => h.Id).ToListAsync(ct);
        return new RoundDriver(client, councilId, households);
    }

    /// <summary>Opens a round of <paramref name="unitsArrived"/> CLAP boxes, one per household unless <paramref name="rule"/> says otherwise.</summary>
    public async Task<JsonElement> CreateAsync(int unitsArrived, CancellationToken ct, object? rule = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["kind"] = "food-box",
            ["item"] = "Caja CLAP",
            ["unit"] = "caja",
            ["unitsArrived"] = unitsArrived,
            ["startsOn"] = "2026-12-05",
            ["endsOn"] = "2026-12-06",
            ["pickupPoints"] = new[] { "Casa comunal, bloque 3", "Cancha de La Piedrita" },
        };
        if (rule is not null)
        {
            foreach (var p in JsonSerializer.SerializeToElement(rule).EnumerateObject())
                body[p.Name] = p.Value;
        }
        var created = await client.PostAsJsonAsync($"/api/v1/councils/{CouncilId}/rounds", body, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var round = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        RoundId = round.GetProperty("id").GetGuid();
        return round;
    }

    public Task<HttpResponseMessage> DeliverAsync(Guid householdId, int units, CancellationToken ct, HttpClient? via = null) =>
        (via ?? client).PostAsJsonAsync($"/api/v1/rounds/{RoundId}/deliveries", new { householdId, units }, ct);

    public async Task<JsonElement> RoundAsync(CancellationToken ct) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{RoundId}", ct);

    public static async Task<string?> CodeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return body.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}
