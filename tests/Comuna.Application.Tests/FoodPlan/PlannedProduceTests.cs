using Comuna.Application.Access;
using Comuna.Application.Distribution;
using Comuna.Application.FoodPlan;
using Comuna.Data;
using Comuna.Domain.Access;
using Comuna.Domain.Distribution;
using Comuna.Domain.FoodPlan;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Comuna.Application.Tests.FoodPlan;

/// <summary>A published plan's produce reaches the councils of the communes it delivers to, shared by their families, and a round of it keeps the plan.</summary>
public sealed class PlannedProduceTests
{
    private const string Panal = "COM-DC-PANAL2021";
    private const string Owner = "planner";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    private static readonly PlaceProduce[] Deliveries =
    [
        new(Panal, "tomate", "Tomate", "kg", 1_000),
        new(Panal, "maiz", "Maíz", "kg", 250.5),
        new("COM-LA-ELMAIZAL", "tomate", "Tomate", "kg", 400),
        new("PUERTO", "arroz", "Arroz", "kg", 0),
    ];

    private async Task<string> KeepPlanAsync(ComunaDbContext db, PlanRunState state, CancellationToken ct)
    {
        var id = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        db.SavedPlans.Add(new SavedPlan
        {
            Id = id,
            OwnerId = Owner,
            Policy = "production-first",
            State = state,
            StartedAtUtc = _clock.GetUtcNow().UtcDateTime,
            Input = "{}",
            Result = state == PlanRunState.Done ? "{}" : null,
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return id;
    }

    private static async Task<(Guid Id, int Own, int All, int Councils)> PanalCouncilAsync(ComunaDbContext db, CancellationToken ct)
    {
        var councils = await db.Councils.Where(k => k.Commune!.Code == Panal)
            .Select(k => new { k.Id, k.Code, k.DeclaredFamilies, Households = k.Households.Count }).ToListAsync(ct);
        var first = councils.Single(k => k.Code == "DC-PANAL2021-CC01");
        return (first.Id, CensusFamilies.Of(first.Households, first.DeclaredFamilies),
            councils.Sum(k => CensusFamilies.Of(k.Households, k.DeclaredFamilies)), councils.Count);
    }

    [Theory, BothEngines]
    public async Task APublishedPlansProduce_IsOfferedToTheCommunesCouncils_ByTheirShareOfFamilies(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var db = database.NewContext();
        var published = await KeepPlanAsync(db, PlanRunState.Done, ct);
        var kept = await KeepPlanAsync(db, PlanRunState.Done, ct);
        var (council, own, all, _) = await PanalCouncilAsync(db, ct);
        Assert.True(own > 0 && own < all, "Panal 2021's first council should hold some, not all, of its commune's families");

        var publishedAt = await new PublishPlan(db, _clock).ExecuteAsync(published, Owner, Deliveries, [], ct);
        var offered = await new PlannedProduce(db).ForCouncilAsync(council, ct);

        Assert.Equal(_clock.GetUtcNow().UtcDateTime, publishedAt.Value);
        // The plan only kept by its account offers nothing; the published one offers what it sends Panal 2021, by name.
        Assert.Equal(
            [("Maíz", 250.5, (int)Math.Floor(250.5 * own / all)), ("Tomate", 1_000.0, (int)Math.Floor(1_000.0 * own / all))],
            offered.Value.Where(l => l.PlanId == published).Select(l => (l.ProductName, l.CommuneQuantity, l.Units)));
        Assert.All(offered.Value.Where(l => l.PlanId == published), l => Assert.Equal((published, own, all, "kg"), (l.PlanId, l.CouncilFamilies, l.CommuneFamilies, l.Unit)));
        Assert.DoesNotContain(offered.Value, l => l.PlanId == kept);
        // Nothing is kept of a quantity of zero.
        Assert.Equal(3, await db.PlanDeliveries.CountAsync(d => d.PlanId == published, ct));

        // A commune no plan delivers to is offered nothing.
        var tierraFertil = await db.Councils.Where(k => k.Commune!.Code == "COM-PO-TIERRAFERTIL").Select(k => k.Id).FirstAsync(ct);
        Assert.Empty((await new PlannedProduce(db).ForCouncilAsync(tierraFertil, ct)).Value);
    }

    [Fact]
    public void ACouncilsShare_IsRoundedDown_AndEqualWhileNoFamiliesAreKnown()
    {
        Assert.Equal(333, PlannedProduce.Share(1_000, 1, 3, 3));
        Assert.Equal(3, PlannedProduce.Share(0.3 * 10, 1, 1, 1));
        Assert.Equal(250, PlannedProduce.Share(1_000, 0, 0, 4));
        Assert.Equal(0, PlannedProduce.Share(1_000, 0, 10, 2));
    }

    [Theory, BothEngines]
    public async Task APlanIsPublishedOnce_OnlyByItsAccount_AndOnlyOnceMade(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var db = database.NewContext();
        var done = await KeepPlanAsync(db, PlanRunState.Done, ct);
        var running = await KeepPlanAsync(db, PlanRunState.Running, ct);
        var publish = new PublishPlan(db, _clock);

        var first = await publish.ExecuteAsync(done, Owner, Deliveries, [], ct);
        _clock.Advance(TimeSpan.FromHours(1));
        var again = await publish.ExecuteAsync(done, Owner, Deliveries, [], ct);
        var stranger = await publish.ExecuteAsync(done, "someone-else", Deliveries, [], ct);
        var unfinished = await publish.ExecuteAsync(running, Owner, Deliveries, [], ct);

        Assert.Equal(first.Value, again.Value);
        Assert.Equal(3, await db.PlanDeliveries.CountAsync(d => d.PlanId == done, ct));
        Assert.Equal("plan-run-not-found", stranger.Error!.Code);
        Assert.Equal("plan-not-done", unfinished.Error!.Code);
        Assert.False(await db.PlanDeliveries.AnyAsync(d => d.PlanId == running, ct));

        // Anyone reads a published plan; a plan of one's own only its account; nobody deletes a published one.
        var plans = new SavedPlans(db, _clock);
        Assert.NotNull(await plans.FindAsync(done, null, ct));
        Assert.Null(await plans.FindAsync(running, "someone-else", ct));
        Assert.NotNull(await plans.FindAsync(running, Owner, ct));
        Assert.False(await plans.DeleteAsync(done, Owner, ct));
        Assert.True(await db.SavedPlans.AnyAsync(p => p.Id == done, ct));
    }

    [Theory, BothEngines]
    public async Task ACommuneSeesThePublishedPlansThatHaveItSendOrReceive_NewestFirst_AndNotThoseOnlyKept(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var db = database.NewContext();
        const string Maizal = "COM-LA-ELMAIZAL";
        PlaceProduce[] sent = [new(Maizal, "maiz", "Maíz", "kg", 900), new(Maizal, "tomate", "Tomate", "kg", 400), new("PUERTO", "arroz", "Arroz", "kg", 0)];
        var older = await KeepPlanAsync(db, PlanRunState.Done, ct);
        var newer = await KeepPlanAsync(db, PlanRunState.Done, ct);
        var kept = await KeepPlanAsync(db, PlanRunState.Done, ct);
        var publish = new PublishPlan(db, _clock);
        await publish.ExecuteAsync(older, Owner, Deliveries, sent, ct);
        _clock.Advance(TimeSpan.FromDays(14));
        await publish.ExecuteAsync(newer, Owner, Deliveries, [], ct);
        var plans = new CommunePlans(db);

        // The demo's own published plan has El Maizal send too; these are the test's two.
        bool Ours(CommunePlanLine line) => line.PlanId == older || line.PlanId == newer || line.PlanId == kept;
        var maizal = (await plans.PublishedAsync(Maizal, ct)).Where(Ours).ToList();
        var panal = (await plans.PublishedAsync(Panal, ct)).Where(Ours).ToList();
        var nowhere = await plans.PublishedAsync("COM-XX-ATLANTIDA", ct);

        // El Maizal sends maize and tomatoes in the older plan and receives tomatoes in both; the plan only kept is no one's business.
        Assert.Equal([newer, older], maizal.Select(p => p.PlanId));
        Assert.Empty(maizal[0].Sends);
        Assert.Equal([new PlannedAmount("Maíz", "kg", 900), new PlannedAmount("Tomate", "kg", 400)], maizal[1].Sends);
        Assert.Equal([new PlannedAmount("Tomate", "kg", 400)], maizal[1].Receives);
        Assert.Equal(["Maíz", "Tomate"], panal[0].Receives.Select(r => r.ProductName));
        Assert.Empty(panal[0].Sends);
        Assert.Empty(nowhere);
        // Nothing sent is nothing kept.
        Assert.False(await db.PlanDispatches.AnyAsync(d => d.Place == "PUERTO", ct));
    }

    [Theory, BothEngines]
    public async Task ARoundOfThePlansProduce_KeepsThePlanAndTheCouncilsShare_AndNamesWhatDoesNotMatch(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var db = database.NewContext();
        var published = await KeepPlanAsync(db, PlanRunState.Done, ct);
        var unpublished = await KeepPlanAsync(db, PlanRunState.Done, ct);
        await new PublishPlan(db, _clock).ExecuteAsync(published, Owner, Deliveries, [], ct);
        var (council, own, all, _) = await PanalCouncilAsync(db, ct);
        var spokesperson = new Actor("vocera", [new RoleAssignment { Role = Role.Spokesperson, CouncilId = council, UserId = "vocera" }]);
        var create = new CreateRound(db, _clock, new PlannedProduce(db));
        RoundInput Round(DistributionKind kind, string? plan, string? product) => new(
            kind, "Tomate del plan", "kg", 300, new DateOnly(2026, 12, 5), null, ["Casa comunal"], PlanId: plan, PlanProduct: product);

        var round = await create.ExecuteAsync(spokesperson, council, Round(DistributionKind.Produce, published, "tomate"), ct);
        var unknown = await create.ExecuteAsync(spokesperson, council, Round(DistributionKind.Produce, unpublished, "tomate"), ct);
        var absent = await create.ExecuteAsync(spokesperson, council, Round(DistributionKind.Produce, published, "arroz"), ct);
        var box = await create.ExecuteAsync(spokesperson, council, Round(DistributionKind.FoodBox, published, "tomate"), ct);
        var noPlan = await create.ExecuteAsync(spokesperson, council, Round(DistributionKind.Produce, null, "tomate"), ct);

        var stored = await db.DistributionRounds.AsNoTracking().SingleAsync(r => r.Id == round.Value.Id, ct);
        Assert.Equal((published, "tomate", (int?)(int)Math.Floor(1_000.0 * own / all), 300), (stored.PlanId, stored.PlanProduct, stored.PlannedUnits, stored.UnitsArrived));
        Assert.Equal(("planId", $"No published plan \"{unpublished}\" delivers to this council's commune."), (unknown.Error!.Field, unknown.Error.Message));
        Assert.Equal(("planProduct", "The plan delivers no \"arroz\" to this council's commune."), (absent.Error!.Field, absent.Error.Message));
        Assert.Equal("kind", box.Error!.Field);
        Assert.Equal("planId", noPlan.Error!.Field);
        Assert.Equal(1, await db.DistributionRounds.CountAsync(r => r.PlanId != null, ct));

        // The database keeps the plan a round rests on, whatever the application does.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.SavedPlans.Where(p => p.Id == published).ExecuteDeleteAsync(ct));
    }

    [Theory, BothEngines]
    public async Task APlanPublishedByFourRequestsAtOnce_IsPublishedOnce_WithItsDeliveriesOnce(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine);
        string plan;
        await using (var db = database.NewContext())
            plan = await KeepPlanAsync(db, PlanRunState.Done, ct);

        // The account publishes it from four requests at once, each on a connection of its own.
        var published = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var db = database.NewContext();
            return await new PublishPlan(db, _clock).ExecuteAsync(plan, Owner, Deliveries, [], ct);
        }));

        await using var check = database.NewContext();
        Assert.All(published, p => Assert.True(p.IsSuccess, p.Error?.Message));
        Assert.Single(published.Select(p => p.Value).Distinct());
        Assert.Equal(3, await check.PlanDeliveries.CountAsync(d => d.PlanId == plan, ct));
    }

    [Theory, BothEngines]
    public async Task ACouncilOpensOneRoundOfEachProductOfAPlan_EvenWhenSpokespeopleOpenItAtOnce(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        string published;
        Guid council;
        await using (var db = database.NewContext())
        {
            published = await KeepPlanAsync(db, PlanRunState.Done, ct);
            await new PublishPlan(db, _clock).ExecuteAsync(published, Owner, Deliveries, [], ct);
            council = (await PanalCouncilAsync(db, ct)).Id;
        }
        var spokesperson = new Actor("vocera", [new RoleAssignment { Role = Role.Spokesperson, CouncilId = council, UserId = "vocera" }]);
        var input = new RoundInput(DistributionKind.Produce, "Tomate del plan", "kg", 300, new DateOnly(2026, 12, 5), null, ["Casa comunal"],
            PlanId: published, PlanProduct: "tomate");

        // Four spokespeople open the same round at once, each on a connection of its own.
        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var db = database.NewContext();
            return await new CreateRound(db, _clock, new PlannedProduce(db)).ExecuteAsync(spokesperson, council, input, ct);
        }));
        await using var check = database.NewContext();
        var maize = await new CreateRound(check, _clock, new PlannedProduce(check)).ExecuteAsync(spokesperson, council, input with { PlanProduct = "maiz" }, ct);

        Assert.Single(opened, r => r.IsSuccess);
        Assert.All(opened.Where(r => !r.IsSuccess), r => Assert.Equal("plan-round-exists", r.Error!.Code));
        Assert.Equal(1, await check.DistributionRounds.CountAsync(r => r.PlanId == published && r.PlanProduct == "tomate", ct));
        Assert.True(maize.IsSuccess, "another product of the same plan is a round of its own");

        // The database has the last word, whatever the application checks.
        check.DistributionRounds.Add(new DistributionRound
        {
            Id = Guid.CreateVersion7(),
            CouncilId = council,
            Kind = DistributionKind.Produce,
            Item = "Tomate",
            Unit = "kg",
            UnitsArrived = 1,
            StartsOn = new DateOnly(2026, 12, 6),
            EndsOn = new DateOnly(2026, 12, 6),
            PickupPoints = "Casa comunal",
            CreatedBy = "test",
            PlanId = published,
            PlanProduct = "tomate",
        });
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => check.SaveChangesAsync(ct));
    }
}
