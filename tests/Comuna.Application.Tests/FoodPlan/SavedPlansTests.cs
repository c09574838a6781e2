using Comuna.Application.FoodPlan;
using Comuna.Domain.FoodPlan;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Comuna.Application.Tests.FoodPlan;

public sealed class SavedPlansTests
{
    private static readonly DateTime Start = new(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);

    private static SavedPlan Plan(int n, PlanRunState state = PlanRunState.Done, string owner = "planner") => new()
    {
        Id = $"{n:x32}",
        OwnerId = owner,
        Policy = "production-first",
        State = state,
        StartedAtUtc = Start.AddHours(n),
        Input = "{}",
    };

    [Theory, BothEngines]
    public async Task AnAccountKeepsItsNewestPlans_AndEveryPublishedOrHeldOne(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var db = database.NewContext();
        var clock = new FakeTimeProvider(new DateTimeOffset(Start.AddHours(30)));
        var now = clock.GetUtcNow().UtcDateTime;
        // 25 plans of the account, oldest first: the first being made by a live process, the
        // second published, the third marked running by a process that died; and another account's oldest.
        var plans = Enumerable.Range(1, 25).Select(n => Plan(n)).ToList();
        plans[0].State = PlanRunState.Running;
        plans[0].HeldUntilUtc = now.AddMinutes(1);
        plans[1].PublishedAtUtc = Start;
        plans[2].State = PlanRunState.Running;
        plans[2].HeldUntilUtc = now.AddMinutes(-1);
        db.SavedPlans.AddRange(plans);
        db.SavedPlans.Add(Plan(100, owner: "someone-else"));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        await new SavedPlans(db, clock).AddAsync(Plan(26, PlanRunState.Running), ct);

        var kept = await db.SavedPlans.Where(p => p.OwnerId == "planner").Select(p => p.StartedAtUtc).ToListAsync(ct);
        // The newest 20 (7 to 26), the held one and the published one; 3 (interrupted) to 6 are forgotten.
        Assert.Equal([1, 2, .. Enumerable.Range(7, 20)], kept.Select(t => (int)(t - Start).TotalHours).Order());
        Assert.True(await db.SavedPlans.AnyAsync(p => p.OwnerId == "someone-else", ct));
        // The plan that has just started is held by the process that wrote it.
        Assert.Equal(now + SavedPlans.Lease, await db.SavedPlans.Where(p => p.Id == $"{26:x32}").Select(p => p.HeldUntilUtc).SingleAsync(ct));
    }

    [Theory, BothEngines]
    public async Task ARunningPlanWhoseProcessStopsRenewingIt_ReadsBackAsInterrupted(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var db = database.NewContext();
        var clock = new FakeTimeProvider(new DateTimeOffset(Start));
        var plans = new SavedPlans(db, clock);
        var id = $"{1:x32}";
        await plans.AddAsync(Plan(1, PlanRunState.Running), ct);
        db.ChangeTracker.Clear();

        async Task<(PlanRunState Listed, PlanRunState Found)> StateAsync() =>
            ((await plans.ListAsync("planner", ct)).Single().State, (await plans.FindAsync(id, "planner", ct))!.State);

        // The process renews its hold well within the lease: the plan stays running, and nobody deletes it.
        clock.Advance(SavedPlans.Lease - TimeSpan.FromSeconds(1));
        Assert.Equal((PlanRunState.Running, PlanRunState.Running), await StateAsync());
        await plans.RenewAsync([id], ct);
        clock.Advance(SavedPlans.Lease - TimeSpan.FromSeconds(1));
        Assert.Equal((PlanRunState.Running, PlanRunState.Running), await StateAsync());
        Assert.False(await plans.DeleteAsync(id, "planner", ct));

        // Then it dies: once its hold runs out, the plan is interrupted, and its account may delete it.
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal((PlanRunState.Interrupted, PlanRunState.Interrupted), await StateAsync());
        Assert.Equal(PlanRunState.Running, await db.SavedPlans.AsNoTracking().Where(p => p.Id == id).Select(p => p.State).SingleAsync(ct));
        Assert.True(await plans.DeleteAsync(id, "planner", ct));
    }

    [Theory, BothEngines]
    public async Task RenewingAHold_TouchesOnlyPlansStillRunning(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var db = database.NewContext();
        var clock = new FakeTimeProvider(new DateTimeOffset(Start));
        var plans = new SavedPlans(db, clock);
        await plans.AddAsync(Plan(1, PlanRunState.Running), ct);
        await plans.AddAsync(Plan(2), ct);
        db.ChangeTracker.Clear();

        clock.Advance(TimeSpan.FromMinutes(1));
        await plans.RenewAsync([$"{1:x32}", $"{2:x32}", $"{3:x32}"], ct);

        var held = await db.SavedPlans.AsNoTracking().OrderBy(p => p.Id).Select(p => p.HeldUntilUtc).ToListAsync(ct);
        Assert.Equal([Start.AddMinutes(1) + SavedPlans.Lease, null], held);
    }
}
