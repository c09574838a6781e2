using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Comuna.Planning.FoodPlan;

/// <summary>
/// Runs one CLP solve in a worker process of its own (<c>comuna-clp</c>, <see cref="ClpWorker"/>),
/// so that a solve can be stopped: CLP has no interrupt, and a thread cannot be ended, but a
/// process can. A solve not back by its time, or whose plan is cancelled, ends with its worker,
/// and the core and memory it held are free at once — where before a plan page's cancel left CLP
/// computing to its end. The worker also ends by itself when the planner's process goes away
/// (its standard input closes).
/// </summary>
internal static class ClpProcess
{
    /// <summary>
    /// How the worker is run: by the <c>dotnet</c> host that runs this process, on the same runtime
    /// (a framework-dependent install, as <c>dotnet run</c> and the tests make); else by its own
    /// executable, as a self-contained publish lays it out. Null when neither is here.
    /// </summary>
    private static readonly (string File, string? Argument)? Launch = FindLaunch();

    /// <summary>Whether the worker is installed beside the planner and CLP loads here.</summary>
    public static bool IsAvailable { get; } = Launch is not null && ClpInteriorPoint.IsAvailable;

    /// <summary>How often a worker's resident memory is read against its bound.</summary>
    private static readonly TimeSpan MemoryCheck = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Solves <paramref name="request"/> in a new worker and waits for it for
    /// <paramref name="wait"/> or until <paramref name="cancellation"/>: null when the worker was
    /// stopped first (it has ended by the time this returns); a solution with
    /// <see cref="ClpInteriorPoint.Solution.WorkerFailed"/> and why when the worker died first, or
    /// held more resident memory than <paramref name="memoryLimit"/> bytes (then it is ended).
    /// <paramref name="started"/> is told the worker's process id.
    /// </summary>
    public static ClpInteriorPoint.Solution? Solve(ClpWire.Request request, TimeSpan wait, CancellationToken cancellation, Action<int>? started = null, long? memoryLimit = null)
    {
        using var worker = Process.Start(WorkerStart()) ?? throw new InvalidOperationException("CLP's worker did not start.");
        started?.Invoke(worker.Id);
        var error = worker.StandardError.ReadToEndAsync(CancellationToken.None);
        long overMemory = 0;
        // Standard input stays open until the solution is read: the worker takes its closing as
        // the planner gone.
        var exchange = Task.Run(() =>
        {
            ClpWire.Write(worker.StandardInput.BaseStream, request);
            worker.StandardInput.BaseStream.Flush();
            return ClpWire.ReadSolution(worker.StandardOutput.BaseStream);
        }, CancellationToken.None);
        bool returned;
        try
        {
            returned = memoryLimit is { } limit
                ? WaitWithin(worker, exchange, wait, limit, cancellation, out overMemory)
                : exchange.Wait(Milliseconds(wait), cancellation);
        }
        catch (OperationCanceledException)
        {
            returned = false;
        }
        catch (AggregateException e)
        {
            // The worker died before it answered — the machine's memory ran out and the kernel
            // ended it, say. The planner goes on with the plan it has, as after any failed solve.
            worker.WaitForExit();
            var why = error.Result.Trim() is { Length: > 0 } said ? said : e.InnerException?.Message;
            return new ClpInteriorPoint.Solution(ClpInteriorPoint.Solution.WorkerFailed, double.NaN, [], [], 0,
                $"CLP's worker ended with exit code {worker.ExitCode} before it answered: {why}");
        }
        if (!returned)
        {
            End(worker);
            // What the exchange meets once its worker is gone (a broken pipe, an early end) is expected.
            _ = exchange.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return overMemory == 0 ? null : new ClpInteriorPoint.Solution(ClpInteriorPoint.Solution.WorkerFailed, double.NaN, [], [], 0,
                $"CLP's worker was ended: it held {Megabytes(overMemory)} MB of memory, more than the {Megabytes(memoryLimit!.Value)} MB a plan's worker may hold");
        }
        End(worker);
        return exchange.Result;
    }

    /// <summary>
    /// Waits as <see cref="Task.Wait(int, CancellationToken)"/> does, reading the worker's resident
    /// memory every <see cref="MemoryCheck"/>: false, with what it held in <paramref name="held"/>,
    /// as soon as that is more than <paramref name="limit"/>. A bound the planner keeps itself,
    /// because a worker that takes the machine's memory can make the kernel end another process —
    /// the server — where ending the worker costs one solve, after which the plan goes on from the
    /// best plan it has.
    /// </summary>
    private static bool WaitWithin(Process worker, Task exchange, TimeSpan wait, long limit, CancellationToken cancellation, out long held)
    {
        held = 0;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var left = wait - clock.Elapsed;
            if (left <= TimeSpan.Zero)
                return exchange.Wait(0, cancellation); // a worker that died just now is thrown as a failure, as below
            if (exchange.Wait(Milliseconds(left < MemoryCheck ? left : MemoryCheck), cancellation))
                return true;
            try
            {
                worker.Refresh();
                if (worker.WorkingSet64 > limit)
                {
                    held = worker.WorkingSet64;
                    return false;
                }
            }
            catch (InvalidOperationException)
            {
                // It has just ended: the exchange says how, at the next wait.
            }
        }
    }

    private static int Milliseconds(TimeSpan span) => (int)Math.Clamp(Math.Ceiling(span.TotalMilliseconds), 0, int.MaxValue);

    private static long Megabytes(long bytes) => bytes / (1024 * 1024);

    /// <summary>How a worker is started: its three standard streams piped.</summary>
    internal static ProcessStartInfo WorkerStart()
    {
        var (file, argument) = Launch ?? throw new InvalidOperationException($"CLP's worker (comuna-clp) is not installed in {AppContext.BaseDirectory}.");
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (argument is not null)
            start.ArgumentList.Add(argument);
        return start;
    }

    private static void End(Process worker)
    {
        try
        {
            worker.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had ended already.
        }
        worker.WaitForExit();
    }

    private static (string File, string? Argument)? FindLaunch()
    {
        var library = Path.Combine(AppContext.BaseDirectory, "comuna-clp.dll");
        // The runtime lives in <dotnet root>/shared/Microsoft.NETCore.App/<version>/.
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        if (File.Exists(host) && File.Exists(library))
            return (host, library);
        var executable = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "comuna-clp.exe" : "comuna-clp");
        return File.Exists(executable) ? (executable, null) : null;
    }
}
