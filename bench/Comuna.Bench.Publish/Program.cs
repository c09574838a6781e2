using System.Diagnostics;
using System.Globalization;
using Comuna.Application.FoodPlan;
using Comuna.Domain.FoodPlan;
using Comuna.Planning.FoodPlan;
using Comuna.Testing;
using Microsoft.EntityFrameworkCore;

// dotnet run -c Release --project bench/Comuna.Bench.Publish -- [--results]
// Publishing writes what a plan delivers of each product to each place. A national plan (the food
// plan benchmark's instance: 3,000 consuming communes, 40 products) delivers to up to 120,000 of
// them; here every need of that instance is delivered, the most a plan of it can write.
var record = args.Contains("--results");
var input = SyntheticPlan.Generate(SyntheticPlan.Shape.National, 2026);
var names = input.Products!.ToDictionary(p => p!.Id!, p => p!);
var deliveries = input.Needs!.Select(n => new PlaceProduce(n!.Place!, n.Product!, names[n.Product!].Name!, names[n.Product!].Unit!, n.Quantity!.Value))
    .Where(d => d.Quantity > 0).ToList();
Console.WriteLine($"{deliveries.Count:N0} deliveries of the national instance.");

var rows = new List<string>();
var clock = TimeProvider.System;
foreach (var engine in new[] { DatabaseEngine.Sqlite, DatabaseEngine.Postgres })
{
    await using var database = await TestDatabase.CreateAsync(engine);
    var plans = new[] { "warm", "saved", "bulk" }.ToDictionary(p => p, p => $"{p,32}".Replace(' ', '0'));
    await using (var db = database.NewContext())
    {
        foreach (var id in plans.Values)
            db.SavedPlans.Add(new SavedPlan { Id = id, OwnerId = "bench", Policy = "production-first", State = PlanRunState.Done, Input = "{}", Result = "{}" });
        await db.SaveChangesAsync();
    }

    // Both ways run once on a few rows first, so that neither pays for its first use in the figure.
    await using (var db = database.NewContext())
        await new PublishPlan(db, clock).ExecuteAsync(plans["warm"], "bench", deliveries[..100], [], CancellationToken.None);
    await SaveChangesAsync(database, "anchor-warm", deliveries[..100]);

    var anchor = Stopwatch.StartNew();
    await SaveChangesAsync(database, plans["saved"], deliveries);
    anchor.Stop();

    var bulk = Stopwatch.StartNew();
    await using (var db = database.NewContext())
    {
        var published = await new PublishPlan(db, clock).ExecuteAsync(plans["bulk"], "bench", deliveries, [], CancellationToken.None);
        if (!published.IsSuccess)
            throw new InvalidOperationException(published.Error.Message);
    }
    bulk.Stop();

    await using (var db = database.NewContext())
    {
        foreach (var id in new[] { plans["saved"], plans["bulk"] })
        {
            var stored = await db.PlanDeliveries.CountAsync(d => d.PlanId == id);
            if (stored != deliveries.Count)
                throw new InvalidOperationException($"{engine}: {stored} deliveries stored for {id}, {deliveries.Count} expected.");
        }
    }
    rows.Add(Row(engine, "EF Core AddRange + SaveChanges, one transaction (the anchor)", anchor.Elapsed, deliveries.Count) + " 1× |");
    rows.Add(Row(engine, "PublishPlan: bulk insert in the plan's transaction", bulk.Elapsed, deliveries.Count)
        + FormattableString.Invariant($" {anchor.Elapsed / bulk.Elapsed:F1}× |"));
}

var table = string.Join('\n', [
    "| engine | how | rows | s | rows/s | × anchor |",
    "|---|---|---:|---:|---:|---:|",
    .. rows]);
var machine = BenchMachine.Describe();
var run = $"### Publishing a national plan, run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC\n\nCommand: `dotnet run -c Release --project bench/Comuna.Bench.Publish -- {string.Join(' ', args)}`\n\n{machine}\n\n{table}\n";
Console.WriteLine(run);
if (record)
    Console.WriteLine("Appended to " + BenchResults.Append("## Publishing a food plan (issue 5)",
        "Every need of the food plan benchmark's national instance delivered (120,000 rows into `food_plan_deliveries`), on a fresh database of each engine; both ways run once on 100 rows first.",
        run));

static async Task SaveChangesAsync(TestDatabase database, string planId, IReadOnlyList<PlaceProduce> deliveries)
{
    await using var db = database.NewContext();
    if (!await db.SavedPlans.AnyAsync(p => p.Id == planId))
    {
        db.SavedPlans.Add(new SavedPlan { Id = planId, OwnerId = "bench", Policy = "production-first", State = PlanRunState.Done, Input = "{}", Result = "{}" });
        await db.SaveChangesAsync();
    }
    await using var transaction = await db.Database.BeginTransactionAsync();
    db.PlanDeliveries.AddRange(deliveries.Select(d => d.Delivery(planId)));
    await db.SaveChangesAsync();
    await transaction.CommitAsync();
}

static string Row(DatabaseEngine engine, string how, TimeSpan elapsed, int count) =>
    string.Create(CultureInfo.InvariantCulture, $"| {engine} | {how} | {count:N0} | {elapsed.TotalSeconds:F2} | {count / elapsed.TotalSeconds:N0} |");
