using System.Diagnostics;
using System.Globalization;
using Comuna.Application.Access;
using Comuna.Application.Registry.Census;
using Comuna.Bench.Census;
using Comuna.Domain.Access;
using Comuna.Domain.Registry;
using Comuna.Testing;
using Comuna.Web.Hosting;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

// dotnet run -c Release --project bench/Comuna.Bench.Census -- --rows 1500000
var rows = 1_500_000;
DatabaseEngine[] engines = [DatabaseEngine.Sqlite, DatabaseEngine.Postgres];
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--rows")
        rows = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    if (args[i] == "--engine")
        engines = [Enum.Parse<DatabaseEngine>(args[i + 1], ignoreCase: true)];
}
var command = $"dotnet run -c Release --project bench/Comuna.Bench.Census -- {string.Join(' ', args)}".TrimEnd();
var results = new List<Phase>();
var path = Path.Combine(Path.GetTempPath(), $"comuna-census-{rows}-{Guid.NewGuid():N}.csv");
try
{
    Console.WriteLine($"Generating {rows:N0} rows into {path} …");
    var bytes = await CensusFile.WriteAsync(path, rows);
    Console.WriteLine($"{bytes / 1024.0 / 1024.0:N1} MiB.");

    results.Add(await MeasureAsync("CSV parse only (CsvHelper, no database)", rows, async () =>
    {
        await ParseAsync(path, (_, _) => { });
    }));

    foreach (var engine in engines)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var council = await CreateCouncilAsync(database);
        await using var app = ComunaApp.Build(database.Options);
        CensusImportReport? report = null;
        results.Add(await MeasureAsync($"ImportCensus → {engine}", rows, async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            var actor = new Actor("bench", [new RoleAssignment { Role = Role.Spokesperson, CouncilId = council, UserId = "bench" }]);
            var result = await scope.ServiceProvider.GetRequiredService<ImportCensus>().ExecuteAsync(actor, council, file, null, CancellationToken.None);
            report = result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error.Message);
        }));
        if (report is not { Succeeded: true } || report.ResidentsCreated != rows)
            throw new InvalidOperationException($"The import did not create every row: {report}");
        await using (var db = database.NewContext())
        {
            var stored = await db.Residents.CountAsync(r => r.Household!.CouncilId == council);
            if (stored != rows)
                throw new InvalidOperationException($"{stored} residents stored, {rows} expected.");
        }

        if (engine == DatabaseEngine.Postgres)
            results.Add(await MeasureAsync("CSV parse + COPY BINARY → PostgreSQL scratch table", rows, () => CopyAsync(database.Options.DatabaseConnectionString!, path)));
    }

    var machine = BenchMachine.Describe();
    var table = Table(results);
    Console.WriteLine();
    Console.WriteLine(machine);
    Console.WriteLine(table);
    Console.WriteLine($"Process peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:N0} MiB.");

    var resultsFile = Path.Combine(BenchResults.RepositoryRoot(), "bench", "RESULTS.md");
    if (!File.Exists(resultsFile))
        await File.WriteAllTextAsync(resultsFile, "# Benchmark results\n\nEach section is one run, appended by the benchmark itself; compare ratios within a run, not times across runs.\n"
            + "Peak working set and managed heap are sampled every 50 ms during each phase; the managed heap includes garbage not yet collected.\n");
    await File.AppendAllTextAsync(resultsFile,
        $"\n## Census import, {rows:N0} rows, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC\n\n`{command}`\n\n{machine}\n\n{table}\n"
        + $"Process peak working set over the whole run: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:N0} MiB. "
        + $"File: {bytes / 1024.0 / 1024.0:N1} MiB. Every import ran in one transaction and was checked to have stored every row.\n");
    Console.WriteLine($"Appended to {resultsFile}.");
}
finally
{
    File.Delete(path);
}

static async Task<Phase> MeasureAsync(string name, int rows, Func<Task> work)
{
    Console.WriteLine($"{name} …");
    var stopwatch = Stopwatch.StartNew();
    MemorySampler sampler;
    await using (sampler = new MemorySampler())
    {
        stopwatch.Restart();
        await work();
        stopwatch.Stop();
    }
    var phase = new Phase(name, stopwatch.Elapsed, rows / stopwatch.Elapsed.TotalSeconds, sampler.PeakWorkingSet, sampler.PeakManagedHeap);
    Console.WriteLine($"  {phase.Elapsed.TotalSeconds:N1} s, {phase.RowsPerSecond:N0} rows/s, peak working set {phase.PeakWorkingSet / 1048576.0:N0} MiB, peak managed heap {phase.PeakManagedHeap / 1048576.0:N0} MiB");
    return phase;
}

static async Task ParseAsync(string path, Action<CsvParser, int> row)
{
    await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
    using var reader = new StreamReader(file, CensusFormat.Encoding, true, 1 << 16);
    using var parser = new CsvParser(reader, CensusFormat.Configuration());
    await parser.ReadAsync();
    var n = 0;
    while (await parser.ReadAsync())
    {
        // Touch every field, as the importer does.
        for (var f = 0; f < parser.Count; f++)
            _ = parser[f];
        row(parser, n++);
    }
}

static async Task CopyAsync(string connectionString, string path)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using (var create = new NpgsqlCommand(
        "CREATE TABLE census_copy (household_code text, national_id text, first_names text, last_names text, birth_date date, sex text, address text)", connection))
    {
        await create.ExecuteNonQueryAsync();
    }
    await using var copy = await connection.BeginBinaryImportAsync(
        "COPY census_copy (household_code, national_id, first_names, last_names, birth_date, sex, address) FROM STDIN (FORMAT BINARY)");
    await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
    using var reader = new StreamReader(file, CensusFormat.Encoding, true, 1 << 16);
    using var parser = new CsvParser(reader, CensusFormat.Configuration());
    await parser.ReadAsync();
    while (await parser.ReadAsync())
    {
        await copy.StartRowAsync();
        await copy.WriteAsync(parser[0], NpgsqlDbType.Text);
        await copy.WriteAsync(parser[1], NpgsqlDbType.Text);
        await copy.WriteAsync(parser[2], NpgsqlDbType.Text);
        await copy.WriteAsync(parser[3], NpgsqlDbType.Text);
        await copy.WriteAsync(DateOnly.ParseExact(parser[4], "yyyy-MM-dd", CultureInfo.InvariantCulture), NpgsqlDbType.Date);
        await copy.WriteAsync(parser[5], NpgsqlDbType.Text);
        await copy.WriteAsync(parser[6], NpgsqlDbType.Text);
    }
    await copy.CompleteAsync();
}

static async Task<Guid> CreateCouncilAsync(TestDatabase database)
{
    await using var db = database.NewContext();
    var parish = await db.Parishes.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
    var council = new CommunalCouncil
    {
        Id = Guid.CreateVersion7(),
        Code = "BENCH-CC01",
        Name = "Consejo comunal de prueba de carga",
        Kind = CouncilKind.Urban,
        ParishId = parish,
        DeclaredFamilies = 400,
        RuleSetId = RuleSets.Default.Id,
    };
    db.Councils.Add(council);
    await db.SaveChangesAsync();
    return council.Id;
}

static string Table(List<Phase> phases)
{
    var parse = phases[0].Elapsed.TotalSeconds;
    var lines = new List<string>
    {
        "| Phase | Time (s) | Rows/s | × parse time | Peak working set (MiB) | Peak managed heap (MiB) |",
        "|---|---:|---:|---:|---:|---:|",
    };
    foreach (var p in phases)
    {
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"| {p.Name} | {p.Elapsed.TotalSeconds:F1} | {p.RowsPerSecond:N0} | {p.Elapsed.TotalSeconds / parse:F1} | {p.PeakWorkingSet / 1048576.0:F0} | {p.PeakManagedHeap / 1048576.0:F0} |"));
    }
    return string.Join('\n', lines) + "\n";
}


internal sealed record Phase(string Name, TimeSpan Elapsed, double RowsPerSecond, long PeakWorkingSet, long PeakManagedHeap);
