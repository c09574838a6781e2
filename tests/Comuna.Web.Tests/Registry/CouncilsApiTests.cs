using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Registry;

public sealed class CouncilsApiTests
{
    private const int PanalParishProbe = 2401; // Libertador, Distrito Capital: its parishes are 2401xx.

    [Theory, BothEngines]
    public async Task RegisterCouncil_UrbanWithThreeFamilies_IsRefusedWithSizeCodeAndNothingIsSaved(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = await server.SignedInAsync("admin.panal");
        var panal = await PanalAsync(database, ct);
        var before = await CountCouncilsAsync(database, ct);

        var response = await client.PostAsJsonAsync("/api/v1/councils", new
        {
            code = "CC-TINY",
            name = "Consejo Comunal Diminuto",
            kind = "urban",
            parishId = panal.ParishId,
            communeId = panal.Id,
            declaredFamilies = 3,
        }, ct);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, ct);
        Assert.Equal("council-size-out-of-range", problem.GetProperty("code").GetString());
        Assert.Equal("declaredFamilies", problem.GetProperty("field").GetString());
        Assert.Contains("150–400", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountCouncilsAsync(database, ct));
    }

    [Theory, BothEngines]
    public async Task RegisterCouncil_Valid_IsCreatedAndListedInItsCommune_AndItsCodeIsThenTaken(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = await server.SignedInAsync("admin.panal");
        var panal = await PanalAsync(database, ct);
        var body = new { code = "DC-PANAL2021-CC09", name = "Consejo Comunal Nuevo Amanecer", kind = "urban", parishId = panal.ParishId, communeId = panal.Id, declaredFamilies = 180 };

        var created = await client.PostAsJsonAsync("/api/v1/councils", body, ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var council = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        var id = council.GetProperty("id").GetGuid();
        Assert.Equal("urban", council.GetProperty("kind").GetString());
        Assert.Equal("LOCC-2009", council.GetProperty("ruleSetId").GetString());
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/v1/communes/{panal.Id}/councils", ct);
        Assert.Contains(listed.EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);

        var again = await client.PostAsJsonAsync("/api/v1/councils", body, ct);
        Assert.Equal("council-code-taken", (await ProblemAsync(again, HttpStatusCode.Conflict, ct)).GetProperty("code").GetString());
    }

    [Theory, BothEngines]
    public async Task RegisterCouncil_BadInput_NamesTheFieldAtFault(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = await server.SignedInAsync("coordinadora");

        var unknownParish = await client.PostAsJsonAsync("/api/v1/councils",
            new { code = "CC-X1", name = "X", kind = "rural", parishId = 999_999, declaredFamilies = 30 }, ct);
        Assert.Equal("unknown-territory", (await ProblemAsync(unknownParish, HttpStatusCode.BadRequest, ct)).GetProperty("code").GetString());

        var badKind = await client.PostAsJsonAsync("/api/v1/councils",
            new { code = "CC-X2", name = "X", kind = "suburban", parishId = PanalParishProbe * 100 + 1, declaredFamilies = 30 }, ct);
        Assert.Equal("kind", (await ProblemAsync(badKind, HttpStatusCode.BadRequest, ct)).GetProperty("field").GetString());

        var missingName = await client.PostAsJsonAsync("/api/v1/councils",
            new { code = "CC-X3", kind = "rural", parishId = PanalParishProbe * 100 + 1, declaredFamilies = 30 }, ct);
        Assert.Equal("name", (await ProblemAsync(missingName, HttpStatusCode.BadRequest, ct)).GetProperty("field").GetString());

        using var malformed = new StringContent("{ \"code\": \"CC-X4\", \"parishId\": \"not a number\" }", Encoding.UTF8, "application/json");
        var wrongType = await client.PostAsync("/api/v1/councils", malformed, ct);
        var problem = await ProblemAsync(wrongType, HttpStatusCode.BadRequest, ct);
        Assert.Equal("malformed-request", problem.GetProperty("code").GetString());
        Assert.Equal("parishId", problem.GetProperty("field").GetString());
        Assert.Equal(
            "The body is not the JSON this request takes, at line 1, position 46 (at $.parishId): the value there is not of the kind this field takes (text, a number, an id, a list or an object).",
            problem.GetProperty("detail").GetString());

        using var notAnObject = new StringContent("[1]", Encoding.UTF8, "application/json");
        var array = await ProblemAsync(await client.PostAsync("/api/v1/councils", notAnObject, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("The body is not the JSON this request takes, at line 1, position 2: the body must be a JSON object.", array.GetProperty("detail").GetString());
        Assert.False(array.TryGetProperty("field", out _));
    }

    [Theory, BothEngines]
    public async Task GetCouncil_WhoseCensusOutgrewItsBounds_IsShownWithTheRuleItBreaks(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = server.Anonymous();
        Guid panal1, maizal1;
        await using (var db = database.NewContext())
        {
            panal1 = await db.Councils.Where(c => c.Code == "DC-PANAL2021-CC01").Select(c => c.Id).SingleAsync(ct);
            maizal1 = await db.Councils.Where(c => c.Code == "LA-ELMAIZAL-CC01").Select(c => c.Id).SingleAsync(ct);
        }

        var urban = await client.GetFromJsonAsync<JsonElement>($"/api/v1/councils/{panal1}", ct);
        var rural = await client.GetFromJsonAsync<JsonElement>($"/api/v1/councils/{maizal1}", ct);

        Assert.False(urban.GetProperty("census").GetProperty("withinBounds").GetBoolean());
        Assert.Contains("LOCC-2009", urban.GetProperty("census").GetProperty("brokenRule").GetString(), StringComparison.Ordinal);
        Assert.Equal(450, urban.GetProperty("counts").GetProperty("families").GetInt32());
        Assert.True(rural.GetProperty("census").GetProperty("withinBounds").GetBoolean());
    }

    [Theory, BothEngines]
    public async Task ListResidents_IsPaged_AndEligibilityIsComputedFromTheBirthDate(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = await server.SignedInAsync("vocera.panal");
        Guid councilId;
        int total;
        await using (var db = database.NewContext())
        {
            councilId = await db.Councils.Where(c => c.Code == "DC-PANAL2021-CC01").Select(c => c.Id).SingleAsync(ct);
            total = await db.Residents.CountAsync(r => r.Household!.CouncilId == councilId, ct);
        }

        var response = await client.GetAsync($"/api/v1/councils/{councilId}/residents?page=2&pageSize=25", ct);

        response.EnsureSuccessStatusCode();
        Assert.Equal(total.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Total-Count").Single());
        var residents = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(25, residents.GetArrayLength());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var resident in residents.EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(resident.GetProperty("nationalId").GetString()));
            Assert.NotEqual(Guid.Empty, resident.GetProperty("householdId").GetGuid());
            var born = DateOnly.Parse(resident.GetProperty("birthDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(born <= today.AddYears(-15), resident.GetProperty("eligible").GetBoolean());
        }
    }

    [Theory, BothEngines]
    public async Task AddResident_BornInTheFuture_IsRefusedAndNotSaved(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = await server.SignedInAsync("vocera.panal");
        Guid householdId;
        await using (var db = database.NewContext())
            householdId = await db.Households.Where(h => h.Council!.Code == "DC-PANAL2021-CC01").OrderBy(h => h.Code).Select(h => h.Id).FirstAsync(ct);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await client.PostAsJsonAsync($"/api/v1/households/{householdId}/residents",
            new { nationalId = "V-99887766", firstNames = "Ana", lastNames = "Pérez", birthDate = tomorrow, sex = "F" }, ct);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, ct);
        Assert.Equal("birth_date", problem.GetProperty("field").GetString());
        await using var check = database.NewContext();
        Assert.False(await check.Residents.AnyAsync(r => r.NationalId == "V-99887766", ct));

        var valid = await client.PostAsJsonAsync($"/api/v1/households/{householdId}/residents",
            new { nationalId = "V-99887766", firstNames = "Ana", lastNames = "Pérez", birthDate = "2001-05-04", sex = "F" }, ct);
        Assert.Equal(HttpStatusCode.Created, valid.StatusCode);
        var twice = await client.PostAsJsonAsync($"/api/v1/households/{householdId}/residents",
            new { nationalId = "v-99887766", firstNames = "Ana", lastNames = "Pérez", birthDate = "2001-05-04", sex = "F" }, ct);
        Assert.Equal("person-in-two-households", (await ProblemAsync(twice, HttpStatusCode.Conflict, ct)).GetProperty("code").GetString());
    }

    private static async Task<(Guid Id, int ParishId)> PanalAsync(TestDatabase database, CancellationToken ct)
    {
        await using var db = database.NewContext();
        var panal = await db.Communes.SingleAsync(c => c.Code == "COM-DC-PANAL2021", ct);
        return (panal.Id, panal.ParishId);
    }

    private static async Task<int> CountCouncilsAsync(TestDatabase database, CancellationToken ct)
    {
        await using var db = database.NewContext();
        return await db.Councils.CountAsync(ct);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }
}
