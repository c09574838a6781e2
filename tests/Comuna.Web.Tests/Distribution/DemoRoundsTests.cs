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

        // Closing the gas round chains its acta to the CLAP round's: rewriting one breaks the next.
        using (var vocera = await server.SignedInAsync("vocera.panal"))
        {
            var closed = await vocera.PostAsync($"/api/v1/rounds/{gas.GetProperty("id").GetGuid()}/close", null, ct);
            closed.EnsureSuccessStatusCode();
            var next = await closed.Content.ReadFromJsonAsync<JsonElement>(ct);
            Assert.Equal(minutes.GetProperty("checkpoint").GetString(), next.GetProperty("previousCheckpoint").GetString());
            Assert.NotEqual(minutes.GetProperty("checkpoint").GetString(), next.GetProperty("checkpoint").GetString());
        }

        await using (var scope = server.Services.CreateAsyncScope())
            Assert.False((await scope.ServiceProvider.GetRequiredService<SeedDemo>().ExecuteAsync(ct)).Created);
        await using var db = database.NewContext();
        Assert.Equal(2, await db.DistributionRounds.CountAsync(r => r.CouncilId == councilId, ct));
        Assert.Equal(7, await db.HealthFlags.CountAsync(ct));
        Assert.True(await db.HealthFlags.AnyAsync(f => f.Kind == HealthFlagKind.Malnutrition, ct));

        // Someone with the database rewrites the acta's count: the checkpoint gives it away.
        var clapId = clap.GetProperty("id").GetGuid();
        var acta = await db.DeliveryMinutes.SingleAsync(m => m.RoundId == clapId, ct);
        var delivered = content.GetProperty("unitsDelivered").GetInt32();
        await db.DeliveryMinutes.Where(m => m.Id == acta.Id).ExecuteUpdateAsync(set => set.SetProperty(m => m.Content,
            acta.Content.Replace($"\"unitsDelivered\":{delivered}", $"\"unitsDelivered\":{delivered + 50}", StringComparison.Ordinal)), ct);
        var altered = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{clapId}/minutes", ct);
        Assert.Equal(delivered + 50, altered.GetProperty("content").GetProperty("unitsDelivered").GetInt32());
        Assert.False(altered.GetProperty("holds").GetBoolean());
    }
}
