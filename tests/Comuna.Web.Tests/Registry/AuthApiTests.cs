using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comuna.Application.Demo;

namespace Comuna.Web.Tests.Registry;

public sealed class AuthApiTests
{
    [Fact]
    public async Task Token_WithTheRightPassword_HasAccessTokenAndExpiry()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = server.Anonymous();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin.panal", password = SeedDemo.Password }, ct);

        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.False(string.IsNullOrEmpty(token.GetProperty("accessToken").GetString()));
        Assert.True(token.GetProperty("expiresIn").GetInt64() > 0);
    }

    [Theory, BothEngines]
    public async Task Token_AfterFiveWrongPasswords_TheAccountIsLockedEvenForTheRightOne(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = server.Anonymous();

        for (var i = 0; i < 4; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "finanzas.panal", password = "not-the-password" }, ct);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        var fifth = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "finanzas.panal", password = "not-the-password" }, ct);
        var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "finanzas.panal", password = SeedDemo.Password }, ct);

        Assert.Equal(HttpStatusCode.Locked, fifth.StatusCode);
        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);
        var problem = await right.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("locked-out", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheRegistryAndTheTokenEndpoint()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = server.Anonymous();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", ct);
        var health = await client.GetStringAsync("/healthz", ct);

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/auth/token", out _));
        Assert.True(paths.TryGetProperty("/api/v1/councils/{id}/residents", out _));
        Assert.True(paths.TryGetProperty("/api/v1/communes", out _));
        Assert.Equal("Healthy", health);
    }
}
