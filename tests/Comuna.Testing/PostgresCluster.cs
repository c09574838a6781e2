using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Comuna.Testing;

/// <summary>
/// A throwaway PostgreSQL server for one test run: <c>initdb</c> in a temporary folder, listening
/// on a free loopback port, stopped and deleted at the end. Made from the Debian binaries; when
/// they are missing, <see cref="Unavailable"/> says so and PostgreSQL tests skip with that reason.
/// The tests' cluster runs without disk flushes; <see cref="StartDurableAsync"/> starts one that
/// flushes every commit, for benchmarks that compare with what a real server pays.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private static readonly SemaphoreSlim StartLock = new(1, 1);
    private static PostgresCluster? _shared;
    private static string? _unavailable;

    /// <summary>The settings of a durable cluster: every commit waits for its WAL flush.</summary>
    public const string DurableSettings = "fsync=on synchronous_commit=on full_page_writes=on shared_buffers=256MB max_connections=300";

    private const string TestSettings = "fsync=off synchronous_commit=off full_page_writes=off max_connections=300";

    private readonly string _binDirectory;
    private readonly string _root;
    private readonly bool _asPostgresUser;

    private PostgresCluster(string binDirectory, string root, int port, bool asPostgresUser)
    {
        _binDirectory = binDirectory;
        _root = root;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    /// <summary>Where the server's programs are (pgbench among them).</summary>
    public string BinDirectory => _binDirectory;

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? Unavailable => _unavailable;

    public string ConnectionString(string database, int maxPoolSize = 50) =>
        $"Host=127.0.0.1;Port={Port};Username=comuna;Database={database};Pooling=true;Maximum Pool Size={maxPoolSize};Include Error Detail=true";

    /// <summary>The cluster shared by every test of this process, started on first use.</summary>
    public static async Task<PostgresCluster?> SharedAsync()
    {
        await StartLock.WaitAsync();
        try
        {
            if (_shared is not null || _unavailable is not null)
                return _shared;
            var bin = FindBinDirectory();
            if (bin is null)
            {
                _unavailable = "PostgreSQL is not installed: no initdb on PATH or in /usr/lib/postgresql/*/bin (apt-get install postgresql)";
                return null;
            }
            _shared = await StartAsync(bin, TestSettings, durable: false);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => _shared.StopAsync().GetAwaiter().GetResult();
            return _shared;
        }
        finally
        {
            StartLock.Release();
        }
    }

    /// <summary>A cluster of its own with <see cref="DurableSettings"/>, or null when PostgreSQL is not installed.</summary>
    public static async Task<PostgresCluster?> StartDurableAsync() =>
        FindBinDirectory() is { } bin ? await StartAsync(bin, DurableSettings, durable: true) : null;

    public async Task ExecuteAsync(string sql, string database = "postgres")
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A setting as a new session of <paramref name="database"/> sees it.</summary>
    public async Task<string> ShowAsync(string setting, string database = "postgres")
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static async Task<PostgresCluster> StartAsync(string bin, string settings, bool durable)
    {
        var root = Path.Combine(Path.GetTempPath(), $"comuna-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        // initdb refuses to run as root; CI runs as root, so the server runs as the postgres user.
        var asPostgresUser = Environment.UserName == "root";
        if (asPostgresUser)
            await RunAsync("chown", ["postgres", root], asPostgresUser: false);
        var port = FreePort();
        var cluster = new PostgresCluster(bin, root, port, asPostgresUser);
        var data = Path.Combine(root, "data");
        string[] initdb = ["-D", data, "-U", "comuna", "--auth=trust", "--encoding=UTF8", "--no-locale"];
        await cluster.RunToolAsync("initdb", durable ? initdb : [.. initdb, "--no-sync"]);
        var options = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 " + string.Join(' ', settings.Split(' ').Select(s => $"-c {s}"));
        await cluster.RunToolAsync("pg_ctl", ["-D", data, "-o", options, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "start"]);
        return cluster;
    }

    private async Task StopAsync()
    {
        try
        {
            await RunToolAsync("pg_ctl", ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // Already stopped; the folder still goes.
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Task RunToolAsync(string tool, string[] arguments) =>
        RunAsync(Path.Combine(_binDirectory, tool), arguments, _asPostgresUser);

    /// <summary>Runs a program to its end and returns what it printed; throws when it fails.</summary>
    public static async Task<string> RunAsync(string program, string[] arguments, bool asPostgresUser)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgresUser ? "runuser" : program,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgresUser)
        {
            foreach (var a in new[] { "-u", "postgres", "--", program })
                start.ArgumentList.Add(a);
        }
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        return await output + await error;
    }

    private static string? FindBinDirectory()
    {
        var fromPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        if (fromPath is not null)
        {
            // A symlink in /usr/local/bin points to the real folder, where postgres itself lives.
            var initdb = new FileInfo(Path.Combine(fromPath, "initdb"));
            var target = initdb.LinkTarget is { } link ? Path.GetDirectoryName(Path.GetFullPath(link, fromPath)) : fromPath;
            return target;
        }
        const string debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian))
            return null;
        return Directory.GetDirectories(debian)
            .Select(v => Path.Combine(v, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var major) ? major : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
