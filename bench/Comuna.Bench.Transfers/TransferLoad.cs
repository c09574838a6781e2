using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Comuna.Bench.Transfers;

/// <summary>What one load phase saw: every acknowledged posting (id → sequence, hash), latencies, failures.</summary>
internal sealed record LoadResult(
    int Clients, TimeSpan Wall, IReadOnlyDictionary<Guid, (long Sequence, string Hash)> Acknowledged, int Refused,
    IReadOnlyDictionary<string, int> Failures, double[] LatenciesMs, long Batches, long BatchedRequests, int LargestBatch, TimeSpan Cpu, TimeSpan Writing,
    long FromMemory)
{
    /// <summary>How much of the wall time the one journal writer spent writing batches.</summary>
    public double WriterBusy => Writing / Wall;

    /// <summary>The share of batches the writer decided from its memory, reading nothing.</summary>
    public double FromMemoryShare => Batches == 0 ? double.NaN : (double)FromMemory / Batches;

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
/// income. Every transfer carries a new client id; each answer is read to the end. With
/// <c>perRequest</c> above 1, each request carries that many transfers to <c>/transfers/batch</c>
/// (as TigerBeetle's clients batch), and latency is per request.
/// </summary>
internal static class TransferLoad
{
    public static async Task<LoadResult> RunAsync(BankServer bank, Comuna.Application.Ledger.JournalBatcher? batcher, int clients, TimeSpan duration, CancellationToken ct, int perRequest = 1)
    {
        var acknowledged = new ConcurrentDictionary<Guid, (long, string)>();
        var failures = new ConcurrentDictionary<string, int>();
        var latencies = new ConcurrentBag<double[]>();
        var refused = 0;
        var (batches, requests, writing, remembered) = (batcher?.BatchesWritten ?? 0, batcher?.RequestsWritten ?? 0, batcher?.WritingTime ?? TimeSpan.Zero, batcher?.BatchesFromMemory ?? 0);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var random = new Random(client);
            var mine = new List<double>();
            while (clock.Elapsed < duration)
            {
                var transfers = Enumerable.Range(0, perRequest).Select(_ =>
                {
                    var from = bank.FundIds[random.Next(bank.FundIds.Count)];
                    var to = bank.FundIds[random.Next(bank.FundIds.Count)];
                    if (to == from || random.Next(20) == 0)
                        from = bank.Income;
                    return new { id = Guid.NewGuid(), debitAccountId = from, creditAccountId = to, amount = random.NextInt64(1, 10_000), currency = "VES", memo = $"Transferencia {client}" };
                }).ToList();
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = perRequest == 1
                        ? await bank.Http.PostAsJsonAsync($"{bank.Books}/transfers", transfers[0], ct)
                        : await bank.Http.PostAsJsonAsync($"{bank.Books}/transfers/batch", transfers, ct);
                    var body = await response.Content.ReadAsStringAsync(ct);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (perRequest == 1 && response.StatusCode == HttpStatusCode.Created)
                    {
                        var posting = JsonDocument.Parse(body).RootElement;
                        acknowledged[transfers[0].id] = (posting.GetProperty("sequence").GetInt64(), posting.GetProperty("hash").GetString()!);
                    }
                    else if (perRequest > 1 && response.StatusCode == HttpStatusCode.OK)
                    {
                        foreach (var item in JsonDocument.Parse(body).RootElement.EnumerateArray())
                        {
                            var status = item.GetProperty("status").GetInt32();
                            if (status == 201)
                            {
                                var posting = item.GetProperty("transfer");
                                acknowledged[item.GetProperty("id").GetGuid()] = (posting.GetProperty("sequence").GetInt64(), posting.GetProperty("hash").GetString()!);
                            }
                            else if (item.GetProperty("problem").GetProperty("code").GetString() == "insufficient-funds")
                            {
                                Interlocked.Increment(ref refused);
                            }
                            else
                            {
                                failures.AddOrUpdate($"{status} {item.GetProperty("problem").GetProperty("code").GetString()}", 1, (_, n) => n + 1);
                            }
                        }
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
            (batcher?.WritingTime ?? TimeSpan.Zero) - writing, (batcher?.BatchesFromMemory ?? 0) - remembered);
    }
}
