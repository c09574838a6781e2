using Comuna.Application.Access;
using Comuna.Application.Deliberation;
using Comuna.Domain.Access;
using Comuna.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Cli.Tests;

public sealed class VerifyCommandTests
{
    [Theory, BothEngines]
    public async Task VerifyAssembly_HoldsForAnHonestRecord_AndNamesTheDifferenceAfterTampering(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        Guid assemblyId;
        await using (var server = await ComunaServer.StartAsync(database))
        {
            await using var scope = server.Services.CreateAsyncScope();
            assemblyId = await HoldAssemblyAsync(scope.ServiceProvider, database, ct);
        }
        var target = database.CommandLine;

        var honest = await ComunaProcess.RunAsync(["verify", "assembly", assemblyId.ToString(), .. target], ct);
        Assert.True(honest.ExitCode == 0, honest.Output + honest.Error);
        Assert.Contains("The record holds.", honest.Output, StringComparison.Ordinal);

        await using (var db = database.NewContext())
        {
            var minutes = await db.Minutes.SingleAsync(m => m.AssemblyId == assemblyId, ct);
            minutes.Content = minutes.Content.Replace("\"present\":", "\"present\":1", StringComparison.Ordinal);
            await db.SaveChangesAsync(ct);
        }
        var tampered = await ComunaProcess.RunAsync(["verify", "assembly", assemblyId.ToString(), .. target], ct);
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("checkpoint does not match", tampered.Output, StringComparison.Ordinal);
    }

    [Theory, BothEngines]
    public async Task VerifyRounds_HoldsForTheDemoRounds_AndNamesOverStockAndRewrittenMinutes(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        var target = database.CommandLine;
        Domain.Distribution.DistributionRound closed;
        int rounds, deliveries;
        await using (var db = database.NewContext())
        {
            var council = await db.Councils.SingleAsync(c => c.Code == "DC-PANAL2021-CC01", ct);
            rounds = await db.DistributionRounds.CountAsync(r => r.CouncilId == council.Id, ct);
            deliveries = await db.Deliveries.CountAsync(d => db.DistributionRounds.Any(r => r.Id == d.RoundId && r.CouncilId == council.Id), ct);
            closed = await db.DistributionRounds.SingleAsync(r => r.CouncilId == council.Id && r.Status == Domain.Distribution.RoundStatus.Closed, ct);
        }

        var honest = await ComunaProcess.RunAsync(["verify", "rounds", "DC-PANAL2021-CC01", .. target], ct);
        Assert.True(honest.ExitCode == 0, honest.Output + honest.Error);
        Assert.Contains($"{rounds} rounds, 1 minutes, {deliveries} deliveries checked.", honest.Output, StringComparison.Ordinal);
        Assert.Contains("The deliveries hold.", honest.Output, StringComparison.Ordinal);

        // Behind the application's back: a household not served gets every unit that arrived, and
        // the acta's count of units delivered is rewritten.
        await using (var db = database.NewContext())
        {
            var served = db.Deliveries.Where(d => d.RoundId == closed.Id).Select(d => d.HouseholdId);
            var unserved = await db.Households.Where(h => h.CouncilId == closed.CouncilId && !served.Contains(h.Id)).Select(h => h.Id).FirstAsync(ct);
            db.Deliveries.Add(new Domain.Distribution.Delivery
            {
                Id = Guid.CreateVersion7(),
                RoundId = closed.Id,
                HouseholdId = unserved,
                Units = closed.UnitsArrived,
                Channel = Domain.Distribution.DeliveryChannel.PaperSheet,
                MarkedBy = "nadie",
                DeliveredAtUtc = DateTime.UtcNow,
            });
            var minutes = await db.DeliveryMinutes.SingleAsync(m => m.RoundId == closed.Id, ct);
            minutes.Content = minutes.Content.Replace("\"unitsDelivered\":", "\"unitsDelivered\":9", StringComparison.Ordinal);
            await db.SaveChangesAsync(ct);
        }
        var tampered = await ComunaProcess.RunAsync(["verify", "round", closed.Id.ToString(), .. target], ct);
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains($"units were handed out, but {closed.UnitsArrived} arrived.", tampered.Output, StringComparison.Ordinal);
        Assert.Contains("the checkpoint does not match the content.", tampered.Output, StringComparison.Ordinal);
        Assert.Contains("digest differs", tampered.Output, StringComparison.Ordinal);
        Assert.Equal(2, (await ComunaProcess.RunAsync(["verify", "round", Guid.NewGuid().ToString(), .. target], ct)).ExitCode);
    }

    /// <summary>A small assembly of El Maizal's first council: quorum present, one vote, closed with minutes.</summary>
    [Fact]
    public async Task VerifyLedger_ByCode_FindsTheCommune_AndAnUnknownCodeExitsTwoNamingIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        var target = database.CommandLine;

        var maizal = await ComunaProcess.RunAsync(["verify", "ledger", "COM-LA-ELMAIZAL", .. target], ct);
        var unknown = await ComunaProcess.RunAsync(["verify", "ledger", "COM-XX-ATLANTIDA", .. target], ct);

        Assert.True(maizal.ExitCode == 0, maizal.Output + maizal.Error);
        Assert.Contains("The books hold.", maizal.Output, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("No commune COM-XX-ATLANTIDA.", unknown.Error, StringComparison.Ordinal);
    }

    private static async Task<Guid> HoldAssemblyAsync(IServiceProvider services, TestDatabase database, CancellationToken ct)
    {
        await using var db = database.NewContext();
        var council = await db.Councils.SingleAsync(c => c.Code == "LA-ELMAIZAL-CC01", ct);
        var actor = new Actor("test", [new RoleAssignment { UserId = "test", Role = Role.Spokesperson, CouncilId = council.Id }]);
        var cutoff = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-15);
        var eligible = await db.Residents.Where(r => r.Household!.CouncilId == council.Id && r.BirthDate <= cutoff).Select(r => r.Id).ToListAsync(ct);

        var assembly = (await services.GetRequiredService<ConveneAssembly>().ExecuteAsync(actor,
            new ConveneInput(council.Id, null, DateTime.UtcNow, "Casa comunal", ["Siembra de maíz"]), ct)).Value;
        var opened = (await services.GetRequiredService<OpenAssembly>().ExecuteAsync(actor, assembly.Id, Call.First, ct)).Value;
        foreach (var resident in eligible.Take(opened.QuorumRequired!.Value))
            Assert.True((await services.GetRequiredService<CheckIn>().ExecuteAsync(actor, assembly.Id, resident, AttendanceChannel.InPerson, ct)).IsSuccess);
        var vote = (await services.GetRequiredService<CreateVote>().ExecuteAsync(actor, assembly.Id,
            new VoteInput("¿Sembramos el lote norte?", VoteKind.YesNoAbstain, true, null, null, null), ct)).Value;
        Assert.True((await services.GetRequiredService<OpenVote>().ExecuteAsync(actor, assembly.Id, vote.Id, ct)).IsSuccess);
        foreach (var resident in eligible.Take(5))
        {
            var cast = await services.GetRequiredService<CastBallot>().ExecuteAsync(actor, assembly.Id, vote.Id,
                new BallotInput("yes", null, resident, BallotChannel.Paper), ct);
            Assert.True(cast.IsSuccess, cast.Error?.Message);
        }
        Assert.True((await services.GetRequiredService<CloseAssembly>().ExecuteAsync(actor, assembly.Id, ct)).IsSuccess);
        return assembly.Id;
    }
}
