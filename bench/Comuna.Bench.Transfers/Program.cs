using System.Globalization;
using Comuna.Application.Ledger;
using Comuna.Bench.Transfers;
using Comuna.Testing;
using Comuna.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// pgbench TPC-B and Comuna's transfer API on the same durable PostgreSQL, then Comuna on SQLite; see Report.Intro.
var seconds = Option("--seconds", 20);
var clients = Option("--clients", 32);
var perRequest = Option("--per-request", 100);
var warmup = TimeSpan.FromSeconds(Option("--warmup", 10));
ThreadPool.GetMinThreads(out var workers, out var io);
var record = !args.Contains("--no-record");
var command = "dotnet run -c Release --project bench/Comuna.Bench.Transfers" + (args.Length > 0 ? " -- " + string.Join(' ', args) : "");
var ct = CancellationToken.None;
var machine = Report.Machine();
var loads = new List<string> { $"at start {Report.LoadAverage()}" };
Console.WriteLine($"Machine: {machine}; load average {Report.LoadAverage()}");

await using var postgres = await PostgresCluster.StartDurableAsync();
if (postgres is null)
{
    Console.Error.WriteLine("PostgreSQL with pgbench is not installed (apt-get install postgresql).");
    return 2;
}
Console.WriteLine($"PostgreSQL on 127.0.0.1:{postgres.Port}: fsync={await postgres.ShowAsync("fsync")}, synchronous_commit={await postgres.ShowAsync("synchronous_commit")}");

var pgbench = await Pgbench.RunAsync(postgres, clients, seconds);
loads.Add($"after pgbench {Report.LoadAverage()}");
Console.WriteLine($"pgbench TPC-B: {pgbench.Tps:0} tps, {pgbench.Transactions} transactions, latency average {pgbench.LatencyMs:0.0} ms");

var runs = new List<BankRun>();
var notes = new List<string>();

// The demo is loaded without waiting for each commit's flush (it is thousands of small commits and
// not what is measured); the setting is reset before Comuna starts for the measurement.
await postgres.ExecuteAsync("CREATE DATABASE comuna");
await postgres.ExecuteAsync("ALTER DATABASE comuna SET synchronous_commit = off");
var onPostgres = new ComunaOptions { DataDirectory = NewFolder(), DatabaseConnectionString = postgres.ConnectionString("comuna", maxPoolSize: 200) };
Console.WriteLine("[postgres] loading the demo…");
await BankServer.SeedAsync(onPostgres, ct);
NpgsqlConnection.ClearAllPools();
await postgres.ExecuteAsync("ALTER DATABASE comuna RESET synchronous_commit");
var durable = await postgres.ShowAsync("synchronous_commit", "comuna");
notes.Add($"Comuna's PostgreSQL sessions run with synchronous_commit={durable} (read from a new session of its database before the measured phase)");
runs.Add(await MeasureAsync("PostgreSQL", onPostgres, groupCommit: true));
runs.Add(await MeasureAsync("PostgreSQL", onPostgres, groupCommit: true, perRequest));
loads.Add($"after Comuna on PostgreSQL {Report.LoadAverage()}");
runs.Add(await MeasureAsync("PostgreSQL", onPostgres, groupCommit: false));

if (!args.Contains("--skip-sqlite"))
{
    var onSqlite = new ComunaOptions { DataDirectory = NewFolder() };
    Console.WriteLine("[sqlite] loading the demo…");
    await BankServer.SeedAsync(onSqlite, ct);
    runs.Add(await MeasureAsync("SQLite", onSqlite, groupCommit: true));
    runs.Add(await MeasureAsync("SQLite", onSqlite, groupCommit: true, perRequest));
    loads.Add($"after Comuna on SQLite {Report.LoadAverage()}");
    runs.Add(await MeasureAsync("SQLite", onSqlite, groupCommit: false));
}

var single = runs[0].Load.PerSecond / pgbench.Tps;
var batched = runs[1].Load.PerSecond / pgbench.Tps;
notes.Add(Verdict($"one transfer per request", single));
notes.Add(Verdict($"{perRequest} transfers per request", batched));
Console.WriteLine();
Console.WriteLine(Report.Table(pgbench, runs));
foreach (var r in runs)
    Console.WriteLine($"{r.Engine}: {r.Verdict}{Report.Failures(r.Load)}");
foreach (var note in notes)
    Console.WriteLine(note);
Console.WriteLine($"Load average: {string.Join("; ", loads)}");
if (record)
    Console.WriteLine($"Recorded in {Report.Record(command, machine, loads, pgbench, runs, notes)}");
// A run whose books do not hold is not a result.
return runs.All(r => r.Holds && r.Load.Failed == 0) ? 0 : 1;

static string Verdict(string how, double ratio) => ratio >= 2
    ? $"The issue's goal of at least 2× pgbench is met on PostgreSQL with {how}: {ratio:0.00}×."
    : $"The issue's goal of at least 2× pgbench is NOT met on PostgreSQL with {how}: {ratio:0.00}×.";

async Task<BankRun> MeasureAsync(string database, ComunaOptions options, bool groupCommit, int perRequest = 1)
{
    var engine = !groupCommit ? $"{database}, one transaction per transfer" : perRequest > 1 ? $"{database}, {perRequest} per request" : database;
    // The baseline writes on the request's own thread and blocks it for every round trip: enough
    // threads from the start that it measures one transaction per transfer, not the pool's slow
    // growth. Group commit blocks no request thread, and more threads would only compete with its writer.
    ThreadPool.SetMinThreads(groupCommit ? workers : Math.Max(workers, 4 * clients), io);
    Console.WriteLine($"[{engine}] starting Comuna and opening {BankServer.Funds} funds…");
    await using var bank = await BankServer.StartAsync(options, groupCommit, ct);
    var batcher = groupCommit ? (JournalBatcher)bank.Services.GetRequiredService<PostingJournal>() : null;
    var warm = await TransferLoad.RunAsync(bank, batcher, clients, warmup, ct, perRequest);
    Console.WriteLine($"[{engine}] warm-up: {warm.Acknowledged.Count} transfers ({warm.PerSecond:0}/s)");
    var before = await BooksState.ReadAsync(options, bank.CommuneId, ct);
    var load = await TransferLoad.RunAsync(bank, batcher, clients, TimeSpan.FromSeconds(seconds), ct, perRequest);
    Console.WriteLine($"[{engine}] {load.Acknowledged.Count} transfers in {load.Wall.TotalSeconds:0.0} s: {load.PerSecond:0}/s, p50 {load.Percentile(50):0.0} ms, p99 {load.Percentile(99):0.0} ms, mean batch {load.MeanBatch:0.0}{Report.Failures(load)}");
    var (holds, verdict) = await BooksCheck.RunAsync(bank, before, load, ct);
    Console.WriteLine($"[{engine}] {verdict}");
    return new BankRun(engine, load, verdict, holds);
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

static string NewFolder()
{
    var path = Path.Combine(Path.GetTempPath(), $"comuna-bench-transfers-{Guid.NewGuid():N}");
    Directory.CreateDirectory(path);
    return path;
}
