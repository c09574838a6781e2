using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Distribution;

/// <summary>
/// Exactly once per household per round, and never beyond the units that arrived, whatever
/// arrives at once: many parallel clients against a real server, and the database has the last word.
/// </summary>
public sealed class ParallelDeliveryTests
{
    private const int Households = 100;
    private const int AttemptsEach = 10;

    [Theory, BothEngines]
    public async Task HundredHouseholdsTimesTenParallelAttempts_DeliverExactlyHundredTimes_TheRestAlreadyDelivered(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var spokesperson = await server.SignedInAsync("vocera.panal");
        using var admin = await server.SignedInAsync("admin.panal");
        var driver = await RoundDriver.ForAsync(database, spokesperson, "DC-PANAL2021-CC01", ct);
        await driver.CreateAsync(unitsArrived: 1_000, ct);

        // Two spokespeople at two tables, each pressing "served" several times for the same family.
        var attempts = driver.Households.Take(Households).SelectMany(h => Enumerable.Repeat(h, AttemptsEach)).ToList();
        var responses = await Task.WhenAll(attempts.Select((h, i) => driver.DeliverAsync(h, 1, ct, via: i % 2 == 0 ? spokesperson : admin)));

        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        var answers = await Task.WhenAll(refused.Select(async r => $"{(int)r.StatusCode} {await RoundDriver.CodeAsync(r, ct)}"));
        Assert.True(created == Households, $"{created} deliveries; other answers: {string.Join(" | ", answers.Distinct())}");
        Assert.Equal(Enumerable.Repeat("409 already-delivered", Households * (AttemptsEach - 1)), answers);

        await using var db = database.NewContext();
        Assert.Equal(Households, await db.Deliveries.CountAsync(d => d.RoundId == driver.RoundId, ct));
        Assert.Equal(Households, await db.Deliveries.Where(d => d.RoundId == driver.RoundId).Select(d => d.HouseholdId).Distinct().CountAsync(ct));
        var round = await db.DistributionRounds.SingleAsync(r => r.Id == driver.RoundId, ct);
        Assert.Equal(Households, round.UnitsDelivered);
    }

    [Theory, BothEngines]
    public async Task MoreParallelDeliveriesThanUnitsArrived_HandOutExactlyTheUnitsArrived_TheRestOutOfStock(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var spokesperson = await server.SignedInAsync("vocera.panal");
        var driver = await RoundDriver.ForAsync(database, spokesperson, "DC-PANAL2021-CC01", ct);
        const int arrived = 45;
        const int asking = 80;
        await driver.CreateAsync(unitsArrived: arrived, ct);

        // 80 households come for their box at once, and 45 boxes arrived.
        var households = driver.Households.Take(asking).ToList();
        var responses = await Task.WhenAll(households.Select(h => driver.DeliverAsync(h, 1, ct)));

        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        var codes = await Task.WhenAll(responses.Where(r => r.StatusCode != HttpStatusCode.Created)
            .Select(async r => $"{(int)r.StatusCode} {await RoundDriver.CodeAsync(r, ct)}"));
        Assert.Equal(arrived, created);
        Assert.Equal(Enumerable.Repeat("409 out-of-stock", asking - arrived), codes);

        await using var db = database.NewContext();
        var round = await db.DistributionRounds.SingleAsync(r => r.Id == driver.RoundId, ct);
        Assert.Equal(arrived, round.UnitsDelivered);
        Assert.Equal(arrived, await db.Deliveries.Where(d => d.RoundId == driver.RoundId).SumAsync(d => d.Units, ct));
        var view = await driver.RoundAsync(ct);
        Assert.Equal(0, view.GetProperty("unitsRemaining").GetInt32());
        Assert.Equal(arrived, view.GetProperty("householdsServed").GetInt32());
    }
}
