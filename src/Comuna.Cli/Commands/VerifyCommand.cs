using System.CommandLine;
using Comuna.Application.Deliberation;
using Comuna.Application.Distribution;
using Comuna.Application.Ledger;
using Comuna.Application.Registry;
using Comuna.Domain.Common;

namespace Comuna.Cli.Commands;

/// <summary>
/// <c>comuna verify assembly ID</c>, <c>verify ledger COMMUNE</c>, <c>verify round ID</c> and
/// <c>verify rounds COUNCIL</c>: recompute a record's hash chains and counts from the database and
/// report every difference through one printer. Exit 0 only when the record holds, 1 on any
/// difference, 2 when there is nothing of that id.
/// </summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var id = new Argument<Guid>("id") { Description = "The assembly's id." };
        var assembly = new Command("assembly", "Verify an assembly's votes and minutes.") { id };
        assembly.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, async (services, ct) =>
        {
            var report = await services.GetRequiredService<VerifyAssembly>().ExecuteAsync(parse.GetValue(id), ct);
            if (!report.IsSuccess)
            {
                await Console.Error.WriteLineAsync(report.Error.Message);
                return 2;
            }
            return Print($"Assembly {report.Value.AssemblyId}: {report.Value.VotesChecked} votes, {report.Value.BallotsChecked} ballots checked.",
                report.Value.Differences, "The record holds.");
        }, cancellationToken));
        return new Command("verify", "Recompute hash chains and counts and report any difference.") { assembly, Ledger(), Round(), Rounds() };
    }

    /// <summary><c>comuna verify ledger COMMUNE</c>: the journal's chain, sequence and every balance, from the postings.</summary>
    private static Command Ledger()
    {
        var commune = new Argument<string>("commune") { Description = "The commune's id or registry code." };
        var ledger = new Command("ledger", "Verify a commune's books.") { commune };
        ledger.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, async (services, ct) =>
        {
            var given = parse.GetValue(commune)!;
            Guid? communeId = Guid.TryParse(given, out var id)
                ? id
                : (await services.GetRequiredService<RegistryQueries>().CommuneIdsByCodeAsync([given], ct)).TryGetValue(given, out var found) ? found : null;
            if (communeId is null)
            {
                await Console.Error.WriteLineAsync($"No commune {given}.");
                return 2;
            }
            var report = await services.GetRequiredService<VerifyLedger>().ExecuteAsync(communeId.Value, ct);
            if (!report.IsSuccess)
            {
                await Console.Error.WriteLineAsync(report.Error.Message);
                return 2;
            }
            return Print($"Commune {communeId}: {report.Value.Postings} postings checked.", report.Value.Differences, "The books hold.");
        }, cancellationToken));
        return ledger;
    }

    /// <summary><c>comuna verify round ID</c>: one round's deliveries and its minutes, and their link in the council's chain.</summary>
    private static Command Round()
    {
        var id = new Argument<Guid>("id") { Description = "The round's id." };
        var round = new Command("round", "Verify a distribution round's deliveries and minutes.") { id };
        round.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, async (services, ct) =>
            await PrintAsync(await services.GetRequiredService<VerifyRounds>().RoundAsync(parse.GetValue(id), ct)), cancellationToken));
        return round;
    }

    /// <summary><c>comuna verify rounds COUNCIL</c>: every round of a council and the whole chain of its delivery minutes.</summary>
    private static Command Rounds()
    {
        var council = new Argument<string>("council") { Description = "The council's id or registry code." };
        var rounds = new Command("rounds", "Verify every distribution round of a council.") { council };
        rounds.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, async (services, ct) =>
        {
            var given = parse.GetValue(council)!;
            Guid? councilId = Guid.TryParse(given, out var id)
                ? id
                : await services.GetRequiredService<RegistryQueries>().CouncilByCodeAsync(given, ct) is { IsSuccess: true } found ? found.Value.Id : null;
            if (councilId is null)
            {
                await Console.Error.WriteLineAsync($"No council {given}.");
                return 2;
            }
            return await PrintAsync(await services.GetRequiredService<VerifyRounds>().CouncilAsync(councilId.Value, ct));
        }, cancellationToken));
        return rounds;
    }

    private static async Task<int> PrintAsync(Result<DistributionVerification> report)
    {
        if (!report.IsSuccess)
        {
            await Console.Error.WriteLineAsync(report.Error.Message);
            return 2;
        }
        var r = report.Value;
        return Print($"Council {r.CouncilId}: {r.Rounds} rounds, {r.Minutes} minutes, {r.Deliveries} deliveries checked.", r.Differences, "The deliveries hold.");
    }

    /// <summary>Prints what was checked and every difference; the exit code is 0 only when there is none.</summary>
    private static int Print(string checkedLine, IReadOnlyList<string> differences, string holds)
    {
        Console.WriteLine(checkedLine);
        foreach (var difference in differences)
            Console.WriteLine($"  DIFFERENCE: {difference}");
        Console.WriteLine(differences.Count == 0 ? holds : $"{differences.Count} differences found.");
        return differences.Count == 0 ? 0 : 1;
    }
}
