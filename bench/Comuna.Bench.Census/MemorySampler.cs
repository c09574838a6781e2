using System.Diagnostics;

namespace Comuna.Bench.Census;

/// <summary>Samples the working set and the managed heap every 50 ms during one phase, because
/// <see cref="Process.PeakWorkingSet64"/> only knows the whole process's peak.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MemorySampler()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        _loop = Task.Run(LoopAsync);
    }

    public long PeakWorkingSet { get; private set; }
    public long PeakManagedHeap { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // The sampler's way to stop.
        }
        Sample();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Sample();
            await Task.Delay(50, _stop.Token);
        }
    }

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        PeakWorkingSet = Math.Max(PeakWorkingSet, process.WorkingSet64);
        PeakManagedHeap = Math.Max(PeakManagedHeap, GC.GetTotalMemory(false));
    }
}
