using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Registry;

public sealed class SpokespeopleApiTests
{
    [Theory, BothEngines]
    public async Task RecordSpokesperson_FollowsEligibilityOneUnitAndTheRuleSetsTerm(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = await server.SignedInAsync("vocero.maizal");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Guid councilId, adult, child;
        await using (var db = database.NewContext())
        {
            councilId = await db.Councils.Where(c => c.Code == "LA-ELMAIZAL-CC01").Select(c => c.Id).SingleAsync(ct);
            var sitting = await db.Spokespeople.Where(s => s.CouncilId == councilId).Select(s => s.ResidentId).ToListAsync(ct);
            var people = await db.Residents.Where(r => r.Household!.CouncilId == councilId && !sitting.Contains(r.Id)).ToListAsync(ct);
            adult = people.First(r => r.BirthDate < today.AddYears(-30)).Id;
            child = people.First(r => r.BirthDate > today.AddYears(-12)).Id;
        }

        var before = await client.GetFromJsonAsync<JsonElement>($"/api/v1/councils/{councilId}/spokespeople", ct);
        Assert.Equal(5, before.GetArrayLength());
        Assert.All(before.EnumerateArray(), s => Assert.True(s.GetProperty("inOffice").GetBoolean()));

        var tooYoung = await client.PostAsJsonAsync($"/api/v1/councils/{councilId}/spokespeople",
            new { residentId = child, unit = "executive", committee = "deporte" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooYoung.StatusCode);
        Assert.Equal("not-eligible", (await tooYoung.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetString());

        var elected = await client.PostAsJsonAsync($"/api/v1/councils/{councilId}/spokespeople",
            new { residentId = adult, unit = "executive", committee = "agua", electedOn = "2026-01-10" }, ct);
        Assert.Equal(HttpStatusCode.Created, elected.StatusCode);
        var view = await elected.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("2028-01-10", view.GetProperty("termEndsOn").GetString());

        var secondUnit = await client.PostAsJsonAsync($"/api/v1/councils/{councilId}/spokespeople",
            new { residentId = adult, unit = "social-oversight", electedOn = "2026-01-10" }, ct);
        Assert.Equal(HttpStatusCode.Conflict, secondUnit.StatusCode);
        Assert.Equal("one-unit-only", (await secondUnit.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetString());
    }
}
