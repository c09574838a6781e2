using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Comuna.Bench.Transfers;

/// <summary>
/// A throwaway PostgreSQL server for this benchmark, made like the tests' cluster (initdb in a
/// temporary folder, a free loopback port) but DURABLE: fsync=on, synchronous_commit=on,
/// full_page_writes=on — every commit waits for its WAL flush, for pgbench and Comuna alike, so
/// the two throughputs compare what a bank would really run on. The tests' cluster turns these
/// off; its figures carry no disk cost.
/// </summary>
internal sealed class DurablePostgres : IAsyncDisposable
{
    public const string Settings = "fsync=on synchronous_commit=on full_page_writes=on shared_buffers=256MB max_connections=300";

    private readonly string _root;
    private readonly bool _asPostgresUser;

    private DurablePostgres(string bin, string root, int port, bool asPostgresUser)
    {
        Bin = bin;
        _root = root;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public string Bin { get; }
    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=comuna;Database={database};Pooling=true;Maximum Pool Size=200";

    public static async Task<DurablePostgres?> StartAsync()
    {
        var bin = FindBinDirectory();
        if (bin is null)
            return null;
        var root = Path.Combine(Path.GetTempPath(), $"comuna-bench-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        // initdb refuses to run as root: then the server runs as the postgres user.
        var asPostgresUser = Environment.UserName == "root";
        if (asPostgresUser)
            await RunAsync("chown", ["postgres", root], asPostgresUser: false);
        var server = new DurablePostgres(bin, root, FreePort(), asPostgresUser);
        var data = Path.Combine(root, "data");
        await server.ToolAsync("initdb", ["-D", data, "-U", "comuna", "--auth=trust", "--encoding=UTF8", "--no-locale"]);
        var options = $"-p {server.Port} -k {root} -c listen_addresses=127.0.0.1 "
            + string.Join(' ', Settings.Split(' ').Select(s => $"-c {s}"));
        await server.ToolAsync("pg_ctl", ["-D", data, "-o", options, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "start"]);
        return server;
    }

    public async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A setting as a new session of <paramref name="database"/> sees it.</summary>
    public async Task<string> ShowAsync(string database, string setting)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ToolAsync("pg_ctl", ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Task ToolAsync(string tool, string[] arguments) => RunAsync(Path.Combine(Bin, tool), arguments, _asPostgresUser);

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
        const string debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian))
            return null;
        return Directory.GetDirectories(debian)
            .Select(v => Path.Combine(v, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pgbench")))
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
