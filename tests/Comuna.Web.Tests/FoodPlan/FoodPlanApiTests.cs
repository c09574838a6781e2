using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Comuna.Web.Pages.FoodPlan;

namespace Comuna.Web.Tests.FoodPlan;

/// <summary>The plan over HTTP reads and answers the same contract as <c>comuna plan</c>; nothing is stored, so one engine is enough.</summary>
public sealed class FoodPlanApiTests
{
    [Fact]
    public async Task Plan_ThroughTheApi_AnswersTheContractsResult_AndNamesABadEntry()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = await server.SignedInAsync("vocero.maizal");
        static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

        using var planned = await client.PostAsync("/api/v1/plans", Body(PlanModel.Example), ct);
        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);
        var result = await planned.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("optimal", result.GetProperty("status").GetString());
        Assert.True(result.GetProperty("bound").GetDouble() <= result.GetProperty("objective").GetDouble() + 1e-6);
        var shipments = result.GetProperty("shipments").EnumerateArray()
            .Select(s => $"{s.GetProperty("from").GetString()}>{s.GetProperty("to").GetString()}:{s.GetProperty("product").GetString()}={s.GetProperty("quantity").GetDouble()}")
            .ToList();
        Assert.Contains("el-maizal>barquisimeto:platano=100", shipments);
        Assert.DoesNotContain(result.GetProperty("spoiled").EnumerateArray(), s => s.GetProperty("quantity").GetDouble() > 0);

        using var importFirst = await client.PostAsync("/api/v1/plans?policy=import-first", Body(PlanModel.Example), ct);
        var clap = await importFirst.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Contains(clap.GetProperty("spoiled").EnumerateArray(), s => s.GetProperty("quantity").GetDouble() > 0);

        var bad = PlanModel.Example.Replace("\"to\": \"sarare\"", "\"to\": \"atlantida\"", StringComparison.Ordinal);
        using var refused = await client.PostAsync("/api/v1/plans", Body(bad), ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("unknown place \\\"atlantida\\\"", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        using var malformed = await client.PostAsync("/api/v1/plans", Body("{ \"products\": [ "), ct);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        using var policy = await client.PostAsync("/api/v1/plans?policy=clap", Body(PlanModel.Example), ct);
        Assert.Equal("invalid-field", (await policy.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetString());
        using var anonymous = await server.Anonymous().PostAsync("/api/v1/plans", Body(PlanModel.Example), ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
