using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Comuna.Web.Hosting;

namespace Comuna.Cli.Tests;

/// <summary>
/// <c>comuna serve</c> as a real process of its own on a free loopback port — the built
/// comuna.dll beside the tests, as an operator runs it — that a test can kill with SIGKILL and
/// start again on the same data.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    /// <summary>What a process killed by SIGKILL (signal 9) exits with: 128 + 9.</summary>
    public const int KilledBySigkill = 137;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private bool _disposed;

    private ServeProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts the server on <paramref name="options"/>' database and waits until <c>/healthz</c> answers.</summary>
    public static async Task<ServeProcess> StartAsync(ComunaOptions options, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The dotnet host runs the app in its own process: the pid we kill is the server's.
        string[] arguments = ["serve", "--urls", $"http://127.0.0.1:{port}", "--data", options.DataDirectory];
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "comuna.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        if (options.UsesPostgres)
        {
            start.ArgumentList.Add("--database");
            start.ArgumentList.Add(options.DatabaseConnectionString!);
        }
        start.Environment.Remove(ComunaOptions.DatabaseVariable);
        start.Environment.Remove(ComunaOptions.DataVariable);
        var process = Process.Start(start) ?? throw new InvalidOperationException("comuna serve did not start.");
        var server = new ServeProcess(process, new Uri($"http://127.0.0.1:{port}"));
        // Drained all along, so that a full pipe never blocks the server.
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilHealthyAsync(cancellationToken);
        return server;
    }

    /// <summary>SIGKILL: no shutdown hook, no flush, no graceful drain — the power cord. Returns the exit code.</summary>
    public async Task<int> KillAsync(CancellationToken cancellationToken)
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>The server's last lines, for a failure's message.</summary>
    public string Tail() => string.Join('\n', _output.TakeLast(40));

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _output.Enqueue(line);
        while (_output.Count > 200)
            _output.TryDequeue(out _);
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"comuna serve exited with {_process.ExitCode} before answering:\n{Tail()}");
            try
            {
                using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
                if (health.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(100, cancellationToken);
        }
        throw new TimeoutException($"comuna serve did not answer /healthz within 90 s:\n{Tail()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
