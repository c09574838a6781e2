using System.Net.Http.Json;
using System.Text.Json;

namespace Comuna.Web.Tests.FoodPlan;

/// <summary>What an API client of plan runs does: ask after a run until it has ended.</summary>
public static class PlanRunPolling
{
    /// <summary>The run at <paramref name="address"/> once it is no longer running; fails after a minute.</summary>
    public static async Task<JsonElement> DoneAsync(HttpClient client, string address)
    {
        for (var tries = 0; tries < 600; tries++)
        {
            var run = await client.GetFromJsonAsync<JsonElement>(address, TestContext.Current.CancellationToken);
            if (run.GetProperty("state").GetString() != "running")
                return run;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.Fail($"{address} was still running after a minute.");
        return default;
    }
}
