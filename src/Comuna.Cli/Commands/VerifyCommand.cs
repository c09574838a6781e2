using System.CommandLine;
using Comuna.Application.Deliberation;
using Comuna.Application.Ledger;
using Comuna.Application.Registry;

namespace Comuna.Cli.Commands;

/// <summary>
/// <c>comuna verify assembly ID</c>: recomputes an assembly's vote chains, tallies and minutes'
/// checkpoint from the database and reports every difference. Exits 0 only when the record holds.
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
        return new Command("verify", "Recompute hash chains and counts and report any difference.") { assembly, Ledger() };
    }

    /// <summary><c>comuna verify ledger COMMUNE</c>: the journal's chain, sequence and every balance, from the postings.</summary>
    private static Command Ledger()
    {
        var commune = new Argument<string>("commune") { Description = "The commune's id or registry code." };
        var ledger = new Command("ledger", "Verify a commune's books.") { commune };
        ledger.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, async (services, ct) =>
        {
            var given = parse.GetValue(commune)!;
            var communeId = Guid.TryParse(given, out var id)
                ? id
                : (await services.GetRequiredService<RegistryQueries>().CommunesAsync(ct)).FirstOrDefault(c => c.Code == given)?.Id;
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
