using Comuna.Application.Demo;
using Comuna.Data;
using Comuna.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Comuna.Testing;

/// <summary>
/// A database of its own for one test, on either engine: migrated, with the territory loaded,
/// and the demo communes when asked. Each is a copy of a template made once per test run (a
/// file copy for SQLite, <c>CREATE DATABASE … TEMPLATE</c> for PostgreSQL), so that tests own
/// their data and never wait for one another's.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static readonly Dictionary<(DatabaseEngine, bool), string> Templates = [];

    private readonly string? _postgresName;

    private TestDatabase(DatabaseEngine engine, ComunaOptions options, string? postgresName)
    {
        Engine = engine;
        Options = options;
        _postgresName = postgresName;
    }

    public DatabaseEngine Engine { get; }

    /// <summary>The options a Comuna process uses to reach this database.</summary>
    public ComunaOptions Options { get; }

    /// <summary>A new database; on PostgreSQL, skips the test with the reason when the server binaries are missing.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseEngine engine, bool demo = false)
    {
        var template = await TemplateAsync(engine, demo);
        var dataDirectory = NewDirectory("data");
        if (engine == DatabaseEngine.Sqlite)
        {
            File.Copy(Path.Combine(template, Data.Sqlite.SqliteEngine.FileName), Path.Combine(dataDirectory, Data.Sqlite.SqliteEngine.FileName));
            return new TestDatabase(engine, new ComunaOptions { DataDirectory = dataDirectory }, null);
        }

        var cluster = (await PostgresCluster.SharedAsync())!;
        var name = $"t_{Guid.NewGuid():N}";
        await cluster.ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {template}");
        return new TestDatabase(engine, new ComunaOptions { DataDirectory = dataDirectory, DatabaseConnectionString = cluster.ConnectionString(name) }, name);
    }

    /// <summary>The <c>--data</c> (and for PostgreSQL <c>--database</c>) arguments that point a <c>comuna</c> command at this database.</summary>
    public string[] CommandLine => Options.UsesPostgres
        ? ["--data", Options.DataDirectory, "--database", Options.DatabaseConnectionString!]
        : ["--data", Options.DataDirectory];

    /// <summary>A context on this database, for arranging and checking what a test cannot see through the API.</summary>
    public ComunaDbContext NewContext() => DatabaseRegistration.CreateContext(Options);

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null && await PostgresCluster.SharedAsync() is { } cluster)
        {
            NpgsqlConnection.ClearAllPools();
            await cluster.ExecuteAsync($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)");
        }
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Options.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<string> TemplateAsync(DatabaseEngine engine, bool demo)
    {
        if (engine == DatabaseEngine.Postgres && await PostgresCluster.SharedAsync() is null)
            Assert.Skip(PostgresCluster.Unavailable!);
        await TemplateLock.WaitAsync();
        try
        {
            if (Templates.TryGetValue((engine, demo), out var existing))
                return existing;
            var made = await MakeTemplateAsync(engine, demo);
            Templates[(engine, demo)] = made;
            return made;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task<string> MakeTemplateAsync(DatabaseEngine engine, bool demo)
    {
        var dataDirectory = NewDirectory("template");
        string? postgresName = null;
        var options = new ComunaOptions { DataDirectory = dataDirectory };
        if (engine == DatabaseEngine.Postgres)
        {
            var cluster = (await PostgresCluster.SharedAsync())!;
            postgresName = demo ? "template_demo" : "template_base";
            await cluster.ExecuteAsync($"CREATE DATABASE {postgresName}");
            options = options with { DatabaseConnectionString = cluster.ConnectionString(postgresName) };
        }

        await using (var app = ComunaApp.Build(options))
        {
            await StartupTasks.RunAsync(app.Services, CancellationToken.None);
            if (demo)
            {
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SeedDemo>().ExecuteAsync(CancellationToken.None);
            }
        }
        // Closing every pooled connection checkpoints SQLite's log into the file and frees the
        // PostgreSQL template, which CREATE DATABASE … TEMPLATE needs to have no session.
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        return postgresName ?? dataDirectory;
    }

    private static string NewDirectory(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "comuna-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
