using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Comuna.Bench.Ballots;

/// <summary>What one burst of requests did: how long until the last answer, and each request's own time.</summary>
internal sealed record Burst(int Count, TimeSpan Wall, TimeSpan Cpu, double[] LatenciesMs, IReadOnlyDictionary<string, int> Failures)
{
    /// <summary>CPU time of the whole process (server and client share it) per request.</summary>
    public double CpuMsPerRequest => Cpu.TotalMilliseconds / Count;

    public int Failed => Failures.Values.Sum();

    public double PerSecond => Count / Wall.TotalSeconds;

    /// <summary>Nearest-rank percentile of the per-request latencies, in milliseconds.</summary>
    public double Percentile(double p)
    {
        var sorted = LatenciesMs.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public double Max => LatenciesMs.Max();
}

/// <summary>
/// Fires <c>count</c> requests at once (Task.WhenAll), optionally no more than <c>limit</c> in
/// flight. A request's latency runs from when it is handed to the HttpClient (after the limit
/// lets it through) until its whole response is read; the wall time runs from the first request
/// to the last answer.
/// </summary>
internal static class Load
{
    public static async Task<Burst> RunAsync(int count, int? limit, HttpStatusCode expected, Func<int, Task<HttpResponseMessage>> send)
    {
        var latencies = new double[count];
        var outcomes = new string?[count];
        using var gate = limit is { } l ? new SemaphoreSlim(l, l) : null;

        async Task OneAsync(int i)
        {
            if (gate is not null)
                await gate.WaitAsync();
            try
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    // The client buffers the whole body before returning, so the answer has fully arrived here.
                    using var response = await send(i);
                    latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    if (response.StatusCode != expected)
                        outcomes[i] = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                }
                catch (HttpRequestException e)
                {
                    latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    outcomes[i] = e.Message;
                }
            }
            finally
            {
                gate?.Release();
            }
        }

        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var tasks = new Task[count];
        for (var i = 0; i < count; i++)
            tasks[i] = OneAsync(i);
        await Task.WhenAll(tasks);
        wall.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        var failures = outcomes.Where(o => o is not null)
            .GroupBy(o => o!.Length > 160 ? o[..160] : o!)
            .ToDictionary(g => g.Key, g => g.Count());
        return new Burst(count, wall.Elapsed, cpu, latencies, failures);
    }

    public static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
