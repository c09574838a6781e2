using System.Diagnostics;

namespace Comuna.Bench.Ballots;

/// <summary>
/// The durability floor of SQLite here: each ballot commits once, and with
/// <c>synchronous=FULL</c> in WAL mode each commit waits for one fsync of the log. N appends of
/// 4 KiB, each flushed to disk, in the folder where the test databases live, one after another
/// as committed ballots are.
/// </summary>
internal static class DiskFloor
{
    public static Burst Measure(int count)
    {
        var path = Path.Combine(Path.GetTempPath(), $"comuna-bench-fsync-{Guid.NewGuid():N}.bin");
        var block = new byte[4096];
        var latencies = new double[count];
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
            for (var i = 0; i < count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                file.Write(block);
                file.Flush(flushToDisk: true);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }
        finally
        {
            File.Delete(path);
        }
        wall.Stop();
        process.Refresh();
        return new Burst(count, wall.Elapsed, process.TotalProcessorTime - cpuBefore, latencies, new Dictionary<string, int>());
    }

    public static string Describe(Burst floor) =>
        $"disk floor: {floor.Count} sequential 4 KiB writes each fsync'd took {floor.Wall.TotalSeconds:0.00} s " +
        $"(p50 {Load.Ms(floor.Percentile(50))} ms, p99 {Load.Ms(floor.Percentile(99))} ms, max {Load.Ms(floor.Max)} ms) — " +
        "SQLite (synchronous=FULL) waits for one fsync per committed ballot, one commit at a time";
}
