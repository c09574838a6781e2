using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Comuna.Testing;

/// <summary>
/// A throwaway PostgreSQL server for one test run: <c>initdb</c> in a temporary folder, listening
/// on a free loopback port, stopped and deleted at the end. Made from the Debian binaries; when
/// they are missing, <see cref="Unavailable"/> says so and PostgreSQL tests skip with that reason.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private static readonly SemaphoreSlim StartLock = new(1, 1);
    private static PostgresCluster? _shared;
    private static string? _unavailable;

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

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? Unavailable => _unavailable;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=comuna;Database={database};Pooling=true;Maximum Pool Size=50;Include Error Detail=true";

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
            _shared = await StartAsync(bin);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => _shared.StopAsync().GetAwaiter().GetResult();
            return _shared;
        }
        finally
        {
            StartLock.Release();
        }
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static async Task<PostgresCluster> StartAsync(string bin)
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
        await cluster.RunToolAsync("initdb", ["-D", data, "-U", "comuna", "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"]);
        var settings = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await cluster.RunToolAsync("pg_ctl", ["-D", data, "-o", settings, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "start"]);
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

    private static async Task RunAsync(string program, string[] arguments, bool asPostgresUser)
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
