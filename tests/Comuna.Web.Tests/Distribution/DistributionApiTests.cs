using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Distribution;

public sealed class DistributionApiTests
{
    [Theory, BothEngines]
    public async Task Round_CreatedDeliveredAndRead_AnswersEveryErrorWithItsCode(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var spokesperson = await server.SignedInAsync("vocera.panal");
        var driver = await RoundDriver.ForAsync(database, spokesperson, "DC-PANAL2021-CC01", ct);
        var created = await driver.CreateAsync(unitsArrived: 3, ct);
        Assert.Equal("open", created.GetProperty("status").GetString());
        Assert.Equal(3, created.GetProperty("unitsRemaining").GetInt32());
        Assert.Equal("food-box", created.GetProperty("kind").GetString());

        var (first, second, third) = (driver.Households[0], driver.Households[1], driver.Households[2]);
        var delivered = await driver.DeliverAsync(first, 1, ct);
        Assert.Equal(HttpStatusCode.Created, delivered.StatusCode);
        var body = await delivered.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(first, body.GetProperty("householdId").GetGuid());
        Assert.Equal("search", body.GetProperty("channel").GetString());

        await ExpectAsync(await driver.DeliverAsync(first, 1, ct), HttpStatusCode.Conflict, "already-delivered", ct);
        Assert.Equal(HttpStatusCode.Created, (await driver.DeliverAsync(second, 1, ct)).StatusCode);
        await ExpectAsync(await driver.DeliverAsync(third, 2, ct), HttpStatusCode.Conflict, "out-of-stock", ct);
        await ExpectAsync(await driver.DeliverAsync(third, 0, ct), HttpStatusCode.BadRequest, "invalid-field", ct);

        Guid elsewhere;
        await using (var db = database.NewContext())
            elsewhere = await db.Households.Where(h => h.Council!.Code == "DC-PANAL2021-CC02").Select(h => h.Id).FirstAsync(ct);
        await ExpectAsync(await driver.DeliverAsync(elsewhere, 1, ct), HttpStatusCode.BadRequest, "household-not-in-council", ct);
        await ExpectAsync(await driver.DeliverAsync(Guid.NewGuid(), 1, ct), HttpStatusCode.BadRequest, "household-not-in-council", ct);
        await ExpectAsync(await spokesperson.PostAsJsonAsync($"/api/v1/rounds/{driver.RoundId}/deliveries", new { units = 1 }, ct),
            HttpStatusCode.BadRequest, "invalid-field", ct);
        await ExpectAsync(await spokesperson.PostAsJsonAsync($"/api/v1/rounds/{Guid.NewGuid()}/deliveries", new { householdId = third, units = 1 }, ct),
            HttpStatusCode.NotFound, "round-not-found", ct);

        // Who may not mark households served: a resident of the council (403), another commune's admin (404), nobody (401).
        using (var resident = await server.SignedInAsync("residente.panal"))
            await ExpectAsync(await driver.DeliverAsync(third, 1, ct, via: resident), HttpStatusCode.Forbidden, "forbidden", ct);
        using (var lidice = await server.SignedInAsync("admin.lidice"))
            await ExpectAsync(await driver.DeliverAsync(third, 1, ct, via: lidice), HttpStatusCode.NotFound, "round-not-found", ct);
        using (var anonymous = server.Anonymous())
            Assert.Equal(HttpStatusCode.Unauthorized, (await driver.DeliverAsync(third, 1, ct, via: anonymous)).StatusCode);

        var round = await driver.RoundAsync(ct);
        Assert.Equal(3, round.GetProperty("unitsArrived").GetInt32());
        Assert.Equal(2, round.GetProperty("unitsDelivered").GetInt32());
        Assert.Equal(1, round.GetProperty("unitsRemaining").GetInt32());
        Assert.Equal(2, round.GetProperty("householdsServed").GetInt32());
        var list = await server.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/councils/{driver.CouncilId}/rounds", ct);
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("id").GetGuid() == driver.RoundId);

        // Short: 3 boxes for 450 households; the allocation says who gets them before anyone does.
        var allocation = await spokesperson.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{driver.RoundId}/allocation", ct);
        Assert.True(allocation.GetProperty("short").GetBoolean());
        var lines = allocation.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(driver.Households.Count, lines.Count);
        Assert.Equal(3, lines.Sum(l => l.GetProperty("allocated").GetInt32()));
        Assert.All(lines.Where(l => l.GetProperty("allocated").GetInt32() > 0), l => Assert.NotEmpty(l.GetProperty("reasons").EnumerateArray()));
        Assert.Equal(1, lines.Single(l => l.GetProperty("householdId").GetGuid() == first).GetProperty("delivered").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await (await server.SignedInAsync("admin.lidice")).GetAsync($"/api/v1/rounds/{driver.RoundId}/allocation", ct)).StatusCode);

        var closed = await spokesperson.PostAsync($"/api/v1/rounds/{driver.RoundId}/close", null, ct);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var minutes = await server.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{driver.RoundId}/minutes", ct);
        var content = minutes.GetProperty("content");
        Assert.Equal(2, content.GetProperty("householdsServed").GetInt32());
        Assert.Equal(driver.Households.Count - 2, content.GetProperty("householdsMissed").GetInt32());
        Assert.Equal(2, content.GetProperty("unitsDelivered").GetInt32());
        Assert.Equal("vocera.panal", minutes.GetProperty("signedBy").GetString());
        Assert.True(minutes.GetProperty("holds").GetBoolean());
        Assert.Matches("^[0-9a-f]{64}$", minutes.GetProperty("checkpoint").GetString()!);
        Assert.DoesNotContain("\"names\"", minutes.GetRawText(), StringComparison.Ordinal);
        await ExpectAsync(await driver.DeliverAsync(third, 1, ct), HttpStatusCode.Conflict, "round-closed", ct);
        await ExpectAsync(await spokesperson.PostAsync($"/api/v1/rounds/{driver.RoundId}/close", null, ct), HttpStatusCode.Conflict, "round-closed", ct);
    }

    [Theory, BothEngines]
    public async Task CreateRound_WithBadInput_NamesTheField(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var admin = await server.SignedInAsync("admin.panal");
        var councilId = await Pages.DemoCouncils.IdAsync(database, Pages.DemoCouncils.PanalFirst);
        var good = new Dictionary<string, object?>
        {
            ["kind"] = "gas-bottle",
            ["item"] = "Bombona de 10 kg",
            ["unit"] = "bombona",
            ["unitsArrived"] = 120,
            ["startsOn"] = "2026-12-10",
            ["pickupPoints"] = new[] { "Planta de llenado" },
        };
        (string Field, object? Value, string Named)[] cases =
        [
            ("kind", "bicycle", "kind"), ("item", " ", "item"), ("unit", null, "unit"), ("unitsArrived", -1, "unitsArrived"),
            ("startsOn", "10/12/2026", "startsOn"), ("endsOn", "2026-12-01", "endsOn"), ("pickupPoints", Array.Empty<string>(), "pickupPoints"),
            ("unitsPerHousehold", 0, "unitsPerHousehold"), ("membersPerExtraUnit", 0, "membersPerExtraUnit"),
        ];
        foreach (var (field, value, named) in cases)
        {
            var body = new Dictionary<string, object?>(good) { [field] = value };
            var response = await admin.PostAsJsonAsync($"/api/v1/councils/{councilId}/rounds", body, ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            Assert.Equal(named, problem.GetProperty("field").GetString());
            // The message is English, and so are its numbers, whatever the request's culture.
            if (field == "unitsArrived")
                Assert.Contains("from 0 to 1,000,000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/councils/{councilId}/rounds", good, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/v1/councils/{Guid.NewGuid()}/rounds", good, ct)).StatusCode);
        using var finance = await server.SignedInAsync("finanzas.panal");
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.PostAsJsonAsync($"/api/v1/councils/{councilId}/rounds", good, ct)).StatusCode);
    }

    [Theory, BothEngines]
    public async Task DeliverySheet_IsAllOrNothing_NamesTheBadLine_AndHealthFlagsGivePriority(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var spokesperson = await server.SignedInAsync("vocera.panal");
        var driver = await RoundDriver.ForAsync(database, spokesperson, "DC-PANAL2021-CC01", ct);
        await driver.CreateAsync(unitsArrived: 2_000, ct, rule: new { priorityExtraUnits = 1 });
        List<string> codes;
        Guid adultOfPlainHousehold;
        await using (var db = database.NewContext())
        {
            codes = await db.Households.Where(h => h.CouncilId == driver.CouncilId).OrderBy(h => h.Code).Select(h => h.Code).Take(4).ToListAsync(ct);
            // A household with no child under 5, nobody of 60 or more and no flag yet, to see a health flag make the difference.
            var day = new DateOnly(2026, 12, 5);
            adultOfPlainHousehold = await db.Residents
                .Where(r => r.Household!.CouncilId == driver.CouncilId && r.Household.Members.All(m => m.BirthDate <= day.AddYears(-5) && m.BirthDate > day.AddYears(-60)
                    && !db.HealthFlags.Any(f => f.ResidentId == m.Id)))
                .OrderBy(r => r.NationalId).Select(r => r.Id).FirstAsync(ct);
        }
        var sheet = $"{codes[0]}\n{codes[1]} 1\nZ9999\n{codes[2]}";
        var bad = await spokesperson.PostAsJsonAsync($"/api/v1/rounds/{driver.RoundId}/delivery-sheet", new { sheet }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("household-not-in-council", problem.GetProperty("code").GetString());
        Assert.Equal("line:3", problem.GetProperty("field").GetString());
        Assert.Equal(0, (await driver.RoundAsync(ct)).GetProperty("unitsDelivered").GetInt32());

        var twice = await spokesperson.PostAsJsonAsync($"/api/v1/rounds/{driver.RoundId}/delivery-sheet", new { sheet = $"{codes[0]}\n{codes[0]}" }, ct);
        Assert.Equal("duplicate-sheet-line", await RoundDriver.CodeAsync(twice, ct));

        var good = await spokesperson.PostAsJsonAsync($"/api/v1/rounds/{driver.RoundId}/delivery-sheet", new { sheet = $"{codes[0]}\n{codes[1]} 1\n\n{codes[2]}" }, ct);
        Assert.True(good.StatusCode == HttpStatusCode.Created, await good.Content.ReadAsStringAsync(ct));
        Assert.Equal(3, (await good.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("deliveries").GetInt32());
        var again = await spokesperson.PostAsJsonAsync($"/api/v1/rounds/{driver.RoundId}/delivery-sheet", new { sheet = $"{codes[3]}\n{codes[2]}" }, ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("line:2", (await again.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("field").GetString());
        Assert.Equal(3, (await driver.RoundAsync(ct)).GetProperty("householdsServed").GetInt32());

        // The health committee marks a pregnancy: the household gains priority (and its extra unit) in the round.
        Guid household;
        await using (var db = database.NewContext())
            household = await db.Residents.Where(r => r.Id == adultOfPlainHousehold).Select(r => r.HouseholdId).SingleAsync(ct);
        var before = await spokesperson.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{driver.RoundId}/households/{household}", ct);
        Assert.Empty(before.GetProperty("reasons").EnumerateArray());
        var flagged = await spokesperson.PostAsJsonAsync($"/api/v1/residents/{adultOfPlainHousehold}/health-flags",
            new { kind = "pregnant", startsOn = "2026-09-01", endsOn = "2027-04-30" }, ct);
        Assert.Equal(HttpStatusCode.Created, flagged.StatusCode);
        var after = await spokesperson.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{driver.RoundId}/households/{household}", ct);
        Assert.Equal(["pregnant"], after.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(before.GetProperty("entitled").GetInt32() + 1, after.GetProperty("entitled").GetInt32());
        using (var resident = await server.SignedInAsync("residente.panal"))
            Assert.Equal(HttpStatusCode.NotFound, (await resident.PostAsJsonAsync($"/api/v1/residents/{adultOfPlainHousehold}/health-flags", new { kind = "malnutrition" }, ct)).StatusCode);
    }

    [Theory, BothEngines]
    public async Task Resident_SeesHerOwnHouseholdsEntitlement_NotAnothers_AndTheTransparencyViewCountsRounds(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var spokesperson = await server.SignedInAsync("vocera.panal");
        var driver = await RoundDriver.ForAsync(database, spokesperson, "DC-PANAL2021-CC01", ct);
        await driver.CreateAsync(unitsArrived: 900, ct);
        Guid own;
        await using (var db = database.NewContext())
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "residente.panal", ct);
            var residentId = await db.RoleAssignments.Where(r => r.UserId == user.Id).Select(r => r.ResidentId!.Value).SingleAsync(ct);
            own = await db.Residents.Where(r => r.Id == residentId).Select(r => r.HouseholdId).SingleAsync(ct);
        }
        var other = driver.Households.First(h => h != own);
        Assert.Equal(HttpStatusCode.Created, (await driver.DeliverAsync(own, 1, ct)).StatusCode);
        using var resident = await server.SignedInAsync("residente.panal");
        var mine = await resident.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{driver.RoundId}/households/{own}", ct);
        Assert.True(mine.GetProperty("entitled").GetInt32() >= 1);
        Assert.Equal(1, mine.GetProperty("deliveredUnits").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/api/v1/rounds/{driver.RoundId}/households/{other}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"/api/v1/rounds/{driver.RoundId}/allocation", ct)).StatusCode);

        var view = await server.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/councils/{driver.CouncilId}/distribution", ct);
        var row = view.GetProperty("rounds").EnumerateArray().Single(r => r.GetProperty("roundId").GetGuid() == driver.RoundId);
        Assert.Equal(1, row.GetProperty("householdsServed").GetInt32());
        Assert.Equal(driver.Households.Count - 1, row.GetProperty("householdsMissed").GetInt32());
        Assert.Equal(900, row.GetProperty("unitsArrived").GetInt32());
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status, string code, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == status, $"Expected {(int)status} {code}, got {(int)response.StatusCode} {text}");
        Assert.Equal(code, JsonDocument.Parse(text).RootElement.GetProperty("code").GetString());
    }
}
