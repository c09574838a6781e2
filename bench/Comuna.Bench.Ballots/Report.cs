using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

using Comuna.Testing;

namespace Comuna.Bench.Ballots;

/// <summary>The table, the machine it ran on, and the section appended to bench/RESULTS.md.</summary>
internal static class Report
{
    public const string Heading = "## Ballots at once (issue: citizens' assemblies)";
    public const string Command = "dotnet run -c Release --project bench/Comuna.Bench.Ballots -- --voters 3600";

    /// <summary>The issue's aims: all counted within 5 s, p99 under 250 ms.</summary>
    private const double AimWallSeconds = 5;
    private const double AimP99Ms = 250;

    public static string TableHeader =>
        "| engine | concurrency | N | wall s | ballots/s | p50 ms | p95 ms | p99 ms | max ms | failed | counted | cpu ms/ballot | anchor p50 ms | anchor p99 ms | anchor req/s | anchor cpu ms/req | aims |\n" +
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|";

    public static string Line(Row row)
    {
        var b = row.Ballots;
        var a = row.Anchor;
        var aims = (b.Wall.TotalSeconds <= AimWallSeconds ? "≤5 s" : ">5 s") + ", " + (b.Percentile(99) < AimP99Ms ? "p99<250" : "p99≥250");
        return string.Create(CultureInfo.InvariantCulture,
            $"| {row.Engine.ToString().ToLowerInvariant()} | {row.Concurrency} | {b.Count} | {b.Wall.TotalSeconds:0.00} | {b.PerSecond:0} | " +
            $"{Load.Ms(b.Percentile(50))} | {Load.Ms(b.Percentile(95))} | {Load.Ms(b.Percentile(99))} | {Load.Ms(b.Max)} | {b.Failed} | {row.Counted} | {b.CpuMsPerRequest:0.00} | " +
            $"{Load.Ms(a.Percentile(50))} | {Load.Ms(a.Percentile(99))} | {a.PerSecond:0} | {a.CpuMsPerRequest:0.00} | {aims} |");
    }

    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        return string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}); " +
            $"{RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}; {RuntimeInformation.FrameworkDescription}; " +
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC; load average at start {load}");
    }

    /// <summary>Appends this run to the section, creating the file or the section when missing.</summary>
    public static string Record(IReadOnlyList<EngineResult> results, IReadOnlyList<string> skipped, string floor, BenchOptions options, string machine)
    {
        var run = new StringBuilder();
        run.AppendLine(CultureInfo.InvariantCulture, $"### Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        run.AppendLine();
        run.AppendLine(CultureInfo.InvariantCulture, $"Command: `{CommandFor(options)}`");
        run.AppendLine();
        run.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine}");
        run.AppendLine();
        run.AppendLine(TableHeader);
        foreach (var row in results.SelectMany(r => r.Rows))
            run.AppendLine(Line(row));
        run.AppendLine();
        foreach (var result in results)
        {
            var c = result.CheckIns;
            run.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"- {result.Engine.ToString().ToLowerInvariant()}: check-in of {c.Count} at concurrency 64 (not in the table) took {c.Wall.TotalSeconds:0.00} s ({c.PerSecond:0}/s, p99 {Load.Ms(c.Percentile(99))} ms); {result.Verification}."));
        }
        run.AppendLine(CultureInfo.InvariantCulture, $"- {floor}.");
        foreach (var reason in skipped)
            run.AppendLine(CultureInfo.InvariantCulture, $"- {reason}");

        return BenchResults.Append(Heading, Intro, run.ToString());
    }

    private const string Intro =
        "N voters' paper ballots (`POST /api/v1/assemblies/{id}/votes/{voteId}/ballots`, secret yes-no-abstain vote, entered by `admin.panal` " +
        "with a bearer token) sent at once through one HttpClient (up to 256 connections) to one Comuna server (real Kestrel on 127.0.0.1) in the same " +
        "process, at each concurrency limit (unlimited = all N handed to the client at once). " +
        "The PostgreSQL server is the test suite's throwaway cluster (fsync=off, synchronous_commit=off): its figures carry no disk cost; " +
        "SQLite's do (WAL, synchronous=FULL), and the run measures the disk's fsync floor beside them. " +
        "Latency is per request, from hand-over to the client " +
        "until the response is read. Anchor: N × `GET /healthz` at the same limit on the same server, just before; \"cpu ms\" is the process's CPU time (server and client together) per request. Aims of the issue: all N counted " +
        "within 5 s, p99 under 250 ms. \"counted\" is the public tally read afterwards; VerifyAssembly re-chains and recounts every vote. " +
        "These machines are shared and noisy (2 cores, other builds running): compare ballots with their anchor in the same run, not absolute times across runs.";

    private static string CommandFor(BenchOptions options)
    {
        var command = new StringBuilder("dotnet run -c Release --project bench/Comuna.Bench.Ballots --");
        if (options.Engines.Count == 1)
            command.Append(CultureInfo.InvariantCulture, $" --engine {options.Engines[0].ToString().ToLowerInvariant()}");
        command.Append(CultureInfo.InvariantCulture, $" --voters {options.Voters}");
        if (!options.Limits.SequenceEqual(BenchOptions.DefaultLimits))
            command.Append(CultureInfo.InvariantCulture, $" --limits {string.Join(',', options.Limits.Select(BenchOptions.Describe))}");
        return command.ToString();
    }
}
