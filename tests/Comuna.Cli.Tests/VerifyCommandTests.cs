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
        string[] target = database.Options.UsesPostgres
            ? ["--data", database.Options.DataDirectory, "--database", database.Options.DatabaseConnectionString!]
            : ["--data", database.Options.DataDirectory];

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

    /// <summary>A small assembly of El Maizal's first council: quorum present, one vote, closed with minutes.</summary>
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
