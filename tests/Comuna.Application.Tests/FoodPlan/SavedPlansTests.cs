using Comuna.Application.FoodPlan;
using Comuna.Domain.FoodPlan;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Tests.FoodPlan;

public sealed class SavedPlansTests
{
    [Theory, BothEngines]
    public async Task AnAccountKeepsItsNewestPlans_AndEveryPublishedOrRunningOne(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var db = database.NewContext();
        var start = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
        SavedPlan Plan(int n, string owner = "planner") => new()
        {
            Id = $"{n:x32}",
            OwnerId = owner,
            Policy = "production-first",
            State = n == 1 ? PlanRunState.Running : PlanRunState.Done,
            StartedAtUtc = start.AddHours(n),
            Input = "{}",
            PublishedAtUtc = n == 2 ? start : null,
        };
        // 25 plans of the account, oldest first: the first still marked running, the second published; and another account's oldest.
        db.SavedPlans.AddRange(Enumerable.Range(1, 25).Select(n => Plan(n)));
        db.SavedPlans.Add(Plan(100, "someone-else"));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        await new SavedPlans(db).AddAsync(Plan(26), ct);

        var kept = await db.SavedPlans.Where(p => p.OwnerId == "planner").Select(p => p.StartedAtUtc).ToListAsync(ct);
        // The newest 20 (7 to 26), the running one and the published one; 3 to 6 are forgotten.
        Assert.Equal([1, 2, .. Enumerable.Range(7, 20)], kept.Select(t => (int)(t - start).TotalHours).Order());
        Assert.True(await db.SavedPlans.AnyAsync(p => p.OwnerId == "someone-else", ct));
    }
}
