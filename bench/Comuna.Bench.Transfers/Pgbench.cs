using System.Globalization;
using System.Text.RegularExpressions;
using Comuna.Testing;

namespace Comuna.Bench.Transfers;

/// <summary>What pgbench's TPC-B run reported.</summary>
internal sealed record PgbenchResult(double Tps, double LatencyMs, long Transactions, string Command);

/// <summary>
/// The classic bank-transfer benchmark as PostgreSQL ships it: <c>pgbench -i -s 10</c> (a million
/// accounts in ten branches), then its built-in TPC-B-like script — three UPDATEs, a SELECT and an
/// INSERT per transaction, each transaction committed — from 32 clients on 2 threads.
/// </summary>
internal static partial class Pgbench
{
    public static async Task<PgbenchResult> RunAsync(PostgresCluster server, int clients, int seconds)
    {
        var pgbench = Path.Combine(server.BinDirectory, "pgbench");
        string[] connection = ["-h", "127.0.0.1", "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", "comuna"];
        await server.ExecuteAsync("CREATE DATABASE pgbench");
        await PostgresCluster.RunAsync(pgbench, ["-i", "-s", "10", "-q", .. connection, "pgbench"], asPostgresUser: false);
        string[] run = ["-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture)];
        var output = await PostgresCluster.RunAsync(pgbench, [.. run, .. connection, "pgbench"], asPostgresUser: false);
        var tps = Number(TpsPattern(), output);
        var latency = Number(LatencyPattern(), output);
        var transactions = (long)Number(ProcessedPattern(), output);
        return new PgbenchResult(tps, latency, transactions, $"pgbench -i -s 10 -q; pgbench {string.Join(' ', run)}");
    }

    private static double Number(Regex pattern, string output)
    {
        var match = pattern.Match(output);
        return match.Success
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"pgbench said nothing matching {pattern}:\n{output}");
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsPattern();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex LatencyPattern();

    [GeneratedRegex(@"number of transactions actually processed: ([0-9]+)")]
    private static partial Regex ProcessedPattern();
}
