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
}
