using Comuna.Bench.Ballots;
using Comuna.Testing;

// N voters' paper ballots at once through one real server, per engine; see Report.Intro for what is measured.
var options = BenchOptions.Parse(args);
if (options is null)
    return 2;

var machine = Report.Machine();
Console.WriteLine($"Machine: {machine}");
Console.WriteLine($"Voters: {options.Voters}; concurrency limits: {string.Join(", ", options.Limits.Select(BenchOptions.Describe))}");
Console.WriteLine("Shared, noisy machine: read each row beside its anchor, measured in the same run.");

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

// Before the servers start, so that the disk is measured alone.
var floor = DiskFloor.Describe(DiskFloor.Measure(options.Voters));
Console.WriteLine(floor);

var results = new List<EngineResult>();
var skipped = new List<string>();
foreach (var engine in options.Engines)
{
    if (engine == DatabaseEngine.Postgres && await PostgresCluster.SharedAsync() is null)
    {
        skipped.Add($"postgres skipped: {PostgresCluster.Unavailable}");
        Console.WriteLine(skipped[^1]);
        continue;
    }
    results.Add(await EngineBench.RunAsync(engine, options, cancel.Token));
}

Console.WriteLine();
Console.WriteLine(Report.TableHeader);
foreach (var row in results.SelectMany(r => r.Rows))
    Console.WriteLine(Report.Line(row));
foreach (var result in results)
    Console.WriteLine($"{result.Engine}: {result.Verification}");
Console.WriteLine(floor);

if (options.Record)
    Console.WriteLine($"Recorded in {Report.Record(results, skipped, floor, options, machine)}");

// A run whose ballots were lost, doubled or mis-chained is not a result: it fails.
var sound = results.All(r => r.Holds && r.Rows.All(row => row.Counted == options.Voters && row.Ballots.Failed == 0));
return sound ? 0 : 1;
