using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using Comuna.Testing;

namespace Comuna.Bench.Transfers;

/// <summary>One Comuna phase: the load and the check of the books after it.</summary>
internal sealed record BankRun(string Engine, LoadResult Load, string Verdict, bool Holds);

/// <summary>The table and the section appended to bench/RESULTS.md.</summary>
internal static class Report
{
    public const string Heading = "## Transfers: Comuna's API against pgbench TPC-B (issue 4: the communal bank)";

    public const string Intro =
        "In one run, on one throwaway PostgreSQL started for it with `" + PostgresCluster.DurableSettings + "` (durable: every commit waits for its WAL "
        + "flush; the test suite's cluster runs with fsync off and is not used here): `pgbench -i -s 10` and pgbench's built-in TPC-B-like script "
        + "from 32 clients on 2 threads; then Comuna (built as `comuna serve` builds it, Kestrel on 127.0.0.1, in the benchmark's process with its "
        + "clients) on a database of the same server with the demo's data, 100 funds and one income account opened through the API, driven by 32 "
        + "clients each sending one `POST /api/v1/communes/{id}/transfers` after another for the same time (95% fund to fund, 5% deposits; each "
        + "with a new client id, answered only after its commit); then the same 32 clients each sending requests of 100 transfers to "
        + "`POST …/transfers/batch` (each transfer answered on its own, as TigerBeetle's clients batch); then the same Comuna database again with group "
        + "commit turned off (each transfer in a transaction of its own, written on the request's thread: the baseline); then the same three on SQLite "
        + "(WAL, synchronous=FULL). A 10-second warm-up before each Comuna phase is not counted (the JIT is still tiering the server's code up for "
        + "longer than that on 2 cores). After each phase every acknowledged posting is looked up at its sequence and hash, the sums per currency "
        + "and the floors are checked, and VerifyLedger recomputes the journal. \"mean batch\" is the transfers per journal transaction (group commit); "
        + "\"ms per batch\" and \"writer busy\" are the time the one journal writer spent per transaction and its share of the wall time; \"from memory\" "
        + "is the share of transactions the writer decided from its memory of heads and balances, reading nothing; \"cpu ms/transfer\" is the "
        + "benchmark process's CPU time (Comuna's server and its clients, not PostgreSQL's) per transfer; latency is per request. "
        + "The machine has 2 cores shared with other work: compare the two throughputs of one run, not runs with each other.";

    public static string Table(PgbenchResult pgbench, IReadOnlyList<BankRun> runs)
    {
        var t = new StringBuilder();
        t.AppendLine("| what | clients | seconds | transactions | per second | p50 ms | p99 ms | mean batch | largest batch | ms per batch | writer busy | from memory | cpu ms/transfer | failed | × pgbench |");
        t.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        t.AppendLine(Invariant($"| pgbench TPC-B, PostgreSQL | 32 | — | {pgbench.Transactions} | {pgbench.Tps:0} | — (mean {pgbench.LatencyMs:0.0}) | — | 1 | 1 | — | — | — | — | 0 | 1.00 |"));
        foreach (var r in runs)
        {
            var l = r.Load;
            var batching = l.Batches == 0
                ? "1 (no group commit) | 1 | — | — | —"
                : Invariant($"{l.MeanBatch:0.0} | {l.LargestBatch} | {l.MsPerBatch:0.0} | {l.WriterBusy:P0} | {l.FromMemoryShare:P0}");
            t.AppendLine(Invariant($"| Comuna transfers API, {r.Engine} | {l.Clients} | {l.Wall.TotalSeconds:0.0} | {l.Acknowledged.Count} | {l.PerSecond:0} | {l.Percentile(50):0.0} | {l.Percentile(99):0.0} | {batching} | {l.CpuMsPerTransfer:0.00} | {l.Failed} | {l.PerSecond / pgbench.Tps:0.00} |"));
        }
        return t.ToString().TrimEnd();
    }

    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return Invariant($"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}); {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}; {(GCSettings.IsServerGC ? "server" : "workstation")} GC");
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    public static string Record(string command, string machine, IReadOnlyList<string> loads, PgbenchResult pgbench, IReadOnlyList<BankRun> runs, IReadOnlyList<string> notes)
    {
        var run = new StringBuilder();
        run.AppendLine(Invariant($"### Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        run.AppendLine();
        run.AppendLine(Invariant($"Command: `{command}` (pgbench: `{pgbench.Command}`)"));
        run.AppendLine();
        run.AppendLine(Invariant($"Machine: {machine}. Load average: {string.Join("; ", loads)}"));
        run.AppendLine();
        run.AppendLine(Table(pgbench, runs));
        run.AppendLine();
        foreach (var r in runs)
            run.AppendLine(Invariant($"- {r.Engine}: {r.Verdict}; {r.Load.Refused} refused for funds{Failures(r.Load)}."));
        foreach (var note in notes)
            run.AppendLine(Invariant($"- {note}"));

        return BenchResults.Append(Heading, Intro, run.ToString());
    }

    public static string Failures(LoadResult load) =>
        load.Failed == 0 ? "" : "; failures: " + string.Join("; ", load.Failures.Select(f => $"{f.Value}× {f.Key}"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
