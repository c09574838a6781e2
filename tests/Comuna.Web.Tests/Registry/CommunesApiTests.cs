using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Comuna.Web.Tests.Registry;

public sealed class CommunesApiTests
{
    [Theory, BothEngines]
    public async Task ListCommunes_WithDemo_ReturnsTheFourDemoCommunesWithCounts(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = server.Anonymous();

        var communes = await client.GetFromJsonAsync<JsonElement>("/api/v1/communes", TestContext.Current.CancellationToken);

        Assert.Equal(4, communes.GetArrayLength());
        var panal = communes.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Panal 2021");
        var counts = panal.GetProperty("counts");
        Assert.Equal(8, counts.GetProperty("councils").GetInt32());
        Assert.Equal(3600, counts.GetProperty("families").GetInt32());
        Assert.True(counts.GetProperty("residents").GetInt32() > counts.GetProperty("eligible").GetInt32());

        // A page at a time, by name, with the whole count beside it, like the census's lists.
        using var second = await client.GetAsync("/api/v1/communes?page=2&pageSize=2", TestContext.Current.CancellationToken);
        Assert.Equal("4", second.Headers.GetValues("X-Total-Count").Single());
        var names = (await second.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).EnumerateArray().Select(c => c.GetProperty("name").GetString());
        Assert.Equal(["Panal 2021", "Tierra Fértil"], names);
        // Past the last page, none: a client reading until an empty page stops there.
        using var past = await client.GetAsync("/api/v1/communes?page=3&pageSize=2", TestContext.Current.CancellationToken);
        Assert.Equal("4", past.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(0, (await past.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetArrayLength());
    }

    [Theory, BothEngines]
    public async Task GetCommune_UnknownId_Returns404ProblemWithCode(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = server.Anonymous();

        var response = await client.GetAsync($"/api/v1/communes/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("commune-not-found", problem.GetProperty("code").GetString());
    }

    [Theory, BothEngines]
    public async Task RegisterCommune_WithItsSeatsCoordinates_ShowsThem_AndRefusesHalfOrOutOfRangeOnes(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = await server.SignedInAsync("coordinadora");
        var parish = (await client.GetFromJsonAsync<JsonElement>("/api/v1/communes", ct)).EnumerateArray().First().GetProperty("parishId").GetInt32();

        using var created = await client.PostAsJsonAsync("/api/v1/communes", new { code = "COM-LA-ARGIMIRO", name = "Argimiro Gabaldón", parishId = parish, latitude = 9.6402, longitude = -69.9041 }, ct);
        using var half = await client.PostAsJsonAsync("/api/v1/communes", new { code = "COM-LA-MEDIA", name = "Media", parishId = parish, latitude = 9.64 }, ct);
        using var far = await client.PostAsJsonAsync("/api/v1/communes", new { code = "COM-LA-LEJOS", name = "Lejos", parishId = parish, latitude = 9.64, longitude = -269.9 }, ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var commune = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal((9.6402, -69.9041), (commune.GetProperty("latitude").GetDouble(), commune.GetProperty("longitude").GetDouble()));
        Assert.Equal(HttpStatusCode.BadRequest, half.StatusCode);
        Assert.Equal("Give both the latitude and the longitude, or neither.", (await half.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("detail").GetString());
        Assert.Equal("Longitude -269.9 is not between -180 and 180.", (await far.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("detail").GetString());
        using var page = new Pages.PageClient(server);
        Assert.Contains("9.6402, -69.9041</a>", await page.HtmlAsync($"/comunas/{commune.GetProperty("id").GetGuid()}"), StringComparison.Ordinal);
    }
}
