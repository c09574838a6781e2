using System.CommandLine;
using Comuna.Application.Deliberation;

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
            Console.WriteLine($"Assembly {report.Value.AssemblyId}: {report.Value.VotesChecked} votes, {report.Value.BallotsChecked} ballots checked.");
            foreach (var difference in report.Value.Differences)
                Console.WriteLine($"  DIFFERENCE: {difference}");
            Console.WriteLine(report.Value.Holds ? "The record holds." : $"{report.Value.Differences.Count} differences found.");
            return report.Value.Holds ? 0 : 1;
        }, cancellationToken));
        return new Command("verify", "Recompute hash chains and counts and report any difference.") { assembly };
    }
}
