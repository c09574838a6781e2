using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Comuna.Application.FoodPlan;
using Comuna.Web.FoodPlan;
using Comuna.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Comuna.Web.Tests.FoodPlan;

/// <summary>
/// Two server processes on one database: a plan one of them is making shows as running on the
/// other, which can neither cancel nor delete it; the process making it renews its hold; and a plan
/// whose process died (its hold run out) reads back as interrupted everywhere.
/// </summary>
public sealed class HeldPlanTests
{
    [Fact]
    public async Task APlanAnotherServerIsMaking_RunsThereUntilItsHoldRunsOut()
    {
        var ct = TestContext.Current.CancellationToken;
        using var held = new HeldPlanStage();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var making = await ComunaServer.StartAsync(database, services => services.AddSingleton(held.Stage).AddSingleton<TimeProvider>(clock));
        await using var other = await ComunaServer.StartAsync(database);

        using var planner = await making.SignedInAsync("vocero.maizal");
        using var started = await planner.PostAsync("/api/v1/plans/runs", new StringContent(PublishedPlanTests.Plan, Encoding.UTF8, "application/json"), ct);
        var address = started.Headers.Location!.OriginalString;
        var id = address[(address.LastIndexOf('/') + 1)..];
        Assert.True(await held.StartedAsync(), "the plan never started");

        // The process making the plan holds it, and renews its hold while it plans.
        await using var db = database.NewContext();
        async Task<DateTime?> HeldUntilAsync() => await db.SavedPlans.AsNoTracking().Where(p => p.Id == id).Select(p => p.HeldUntilUtc).SingleAsync(ct);
        var first = clock.GetUtcNow().UtcDateTime + SavedPlans.Lease;
        Assert.True(await HeldUntilAsync() is { } until && Math.Abs((until - first).TotalSeconds) < 1, "the start did not hold the plan");
        clock.Advance(PlanRuns.RenewEvery);
        // Kept to the microsecond, as both engines keep times.
        var renewed = clock.GetUtcNow().UtcDateTime + SavedPlans.Lease - TimeSpan.FromMilliseconds(1);
        for (var tries = 0; tries < 100 && !(await HeldUntilAsync() >= renewed); tries++)
            await Task.Delay(100, ct);
        Assert.True(await HeldUntilAsync() >= renewed, "the hold was not renewed");

        // The other process shows the plan running, without a cancel button, and refuses to cancel or delete it.
        using var owner = await other.SignedInAsync("vocero.maizal");
        var page = await PageClient.TextAsync(await owner.GetAsync($"/plan-alimentario/ejecuciones/{id}", ct));
        Assert.Contains("id=\"held-elsewhere\"", page, StringComparison.Ordinal);
        Assert.Contains("Otro servidor de Comuna está haciendo este plan", page, StringComparison.Ordinal);
        Assert.Contains("http-equiv=\"refresh\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Cancel", page, StringComparison.Ordinal);
        Assert.Equal("running", (await owner.GetFromJsonAsync<JsonElement>(address, ct)).GetProperty("state").GetString());
        using (var delete = await owner.DeleteAsync(address, ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
            Assert.Equal("plan-held-elsewhere", (await delete.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetString());
        }
        Assert.Contains("running", await ListedStateAsync(owner, id, ct), StringComparison.Ordinal);

        // The process dies without a word (here: its hold is made to have run out): everywhere else the plan is interrupted.
        await db.SavedPlans.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.HeldUntilUtc, DateTime.UtcNow.AddMinutes(-1)), ct);
        page = await PageClient.TextAsync(await owner.GetAsync($"/plan-alimentario/ejecuciones/{id}", ct));
        Assert.Contains("El servidor se detuvo mientras se hacía este plan", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", page, StringComparison.Ordinal);
        Assert.Equal("interrupted", (await owner.GetFromJsonAsync<JsonElement>(address, ct)).GetProperty("state").GetString());
        Assert.Contains("interrupted", await ListedStateAsync(owner, id, ct), StringComparison.Ordinal);
    }

    private static async Task<string> ListedStateAsync(HttpClient client, string id, CancellationToken ct)
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/plans/runs", ct);
        return list.EnumerateArray().Single(p => p.GetProperty("id").GetString() == id).GetProperty("state").GetString()!;
    }
}
