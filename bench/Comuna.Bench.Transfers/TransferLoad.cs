using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Comuna.Bench.Transfers;

/// <summary>What one load phase saw: every acknowledged posting (id → sequence, hash), latencies, failures.</summary>
internal sealed record LoadResult(
    int Clients, TimeSpan Wall, IReadOnlyDictionary<Guid, (long Sequence, string Hash)> Acknowledged, int Refused,
    IReadOnlyDictionary<string, int> Failures, double[] LatenciesMs, long Batches, long BatchedRequests, int LargestBatch, TimeSpan Cpu, TimeSpan Writing)
{
    /// <summary>How much of the wall time the one journal writer spent writing batches.</summary>
    public double WriterBusy => Writing / Wall;

    public double MsPerBatch => Batches == 0 ? double.NaN : Writing.TotalMilliseconds / Batches;

    /// <summary>CPU time of this process (Comuna's server and its 32 clients; not PostgreSQL's) per acknowledged transfer.</summary>
    public double CpuMsPerTransfer => Acknowledged.Count == 0 ? double.NaN : Cpu.TotalMilliseconds / Acknowledged.Count;

    public double PerSecond => Acknowledged.Count / Wall.TotalSeconds;
    public int Failed => Failures.Values.Sum();
    public double MeanBatch => Batches == 0 ? 0 : (double)BatchedRequests / Batches;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
            return double.NaN;
        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>
/// N clients, each sending one transfer after another for a fixed time, as pgbench's clients do:
/// 95% between two random funds (a random amount, so the funds never run dry), 5% deposits from
/// income. Every transfer carries a new client id; each answer is read to the end.
/// </summary>
internal static class TransferLoad
{
    public static async Task<LoadResult> RunAsync(BankServer bank, Comuna.Application.Ledger.JournalBatcher? batcher, int clients, TimeSpan duration, CancellationToken ct)
    {
        var acknowledged = new ConcurrentDictionary<Guid, (long, string)>();
        var failures = new ConcurrentDictionary<string, int>();
        var latencies = new ConcurrentBag<double[]>();
        var refused = 0;
        var (batches, requests, writing) = (batcher?.BatchesWritten ?? 0, batcher?.RequestsWritten ?? 0, batcher?.WritingTime ?? TimeSpan.Zero);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var random = new Random(client);
            var mine = new List<double>();
            while (clock.Elapsed < duration)
            {
                var from = bank.FundIds[random.Next(bank.FundIds.Count)];
                var to = bank.FundIds[random.Next(bank.FundIds.Count)];
                if (to == from || random.Next(20) == 0)
                    from = bank.Income;
                var id = Guid.NewGuid();
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await bank.Http.PostAsJsonAsync($"{bank.Books}/transfers",
                        new { id, debitAccountId = from, creditAccountId = to, amount = random.NextInt64(1, 10_000), currency = "VES", memo = $"Transferencia {client}" }, ct);
                    var body = await response.Content.ReadAsStringAsync(ct);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var posting = JsonDocument.Parse(body).RootElement;
                        acknowledged[id] = (posting.GetProperty("sequence").GetInt64(), posting.GetProperty("hash").GetString()!);
                    }
                    else if (response.StatusCode == HttpStatusCode.Conflict && body.Contains("insufficient-funds", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref refused);
                    }
                    else
                    {
                        failures.AddOrUpdate($"{(int)response.StatusCode} {body[..Math.Min(body.Length, 120)]}", 1, (_, n) => n + 1);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    failures.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
                }
            }
            latencies.Add([.. mine]);
        }, ct)));
        var wall = clock.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return new LoadResult(clients, wall, acknowledged, refused, failures, latencies.SelectMany(l => l).ToArray(),
            (batcher?.BatchesWritten ?? 0) - batches, (batcher?.RequestsWritten ?? 0) - requests, batcher?.LargestBatch ?? 0, cpu,
            (batcher?.WritingTime ?? TimeSpan.Zero) - writing);
    }
}
