using System.Net.Http.Json;
using System.Text.Json;
using Comuna.Application.Demo;
using Comuna.Domain.Distribution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Web.Tests.Distribution;

public sealed class DemoRoundsTests
{
    [Theory, BothEngines]
    public async Task Demo_HoldsAClosedClapRoundWithSignedMinutes_AndAnOpenGasRound_AndLoadingItAgainChangesNothing(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        var councilId = await Pages.DemoCouncils.IdAsync(database, DemoRounds.CouncilCode);
        using var anonymous = server.Anonymous();
        var rounds = (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/councils/{councilId}/rounds", ct)).EnumerateArray().ToList();
        Assert.Equal(2, rounds.Count);
        var gas = rounds.Single(r => r.GetProperty("kind").GetString() == "gas-bottle");
        var clap = rounds.Single(r => r.GetProperty("kind").GetString() == "food-box");
        Assert.Equal("open", gas.GetProperty("status").GetString());
        Assert.InRange(gas.GetProperty("householdsServed").GetInt32(), 1, gas.GetProperty("unitsArrived").GetInt32());
        Assert.Equal(gas.GetProperty("householdsServed").GetInt32(), gas.GetProperty("unitsDelivered").GetInt32());
        Assert.Equal("closed", clap.GetProperty("status").GetString());

        var minutes = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{clap.GetProperty("id").GetGuid()}/minutes", ct);
        Assert.True(minutes.GetProperty("holds").GetBoolean());
        var content = minutes.GetProperty("content");
        Assert.True(content.GetProperty("unitsEntitled").GetInt32() > content.GetProperty("unitsArrived").GetInt32(), "The demo's CLAP round is short.");
        Assert.InRange(content.GetProperty("unitsDelivered").GetInt32(), 1, content.GetProperty("unitsArrived").GetInt32());
        Assert.True(content.GetProperty("householdsMissed").GetInt32() > 0);
        Assert.True(content.GetProperty("servedByPaperSheet").GetInt32() > content.GetProperty("servedBySearch").GetInt32());
        Assert.True(content.GetProperty("priorityHouseholds").GetInt32() > 0);

        await using (var scope = server.Services.CreateAsyncScope())
            Assert.False((await scope.ServiceProvider.GetRequiredService<SeedDemo>().ExecuteAsync(ct)).Created);
        await using var db = database.NewContext();
        Assert.Equal(2, await db.DistributionRounds.CountAsync(r => r.CouncilId == councilId, ct));
        Assert.Equal(7, await db.HealthFlags.CountAsync(ct));
        Assert.True(await db.HealthFlags.AnyAsync(f => f.Kind == HealthFlagKind.Malnutrition, ct));
    }
}
