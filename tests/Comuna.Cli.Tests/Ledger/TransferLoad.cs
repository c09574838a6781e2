using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Comuna.Cli.Tests.Ledger;

/// <summary>One transfer a client means to make, with its own id: every retry sends exactly this.</summary>
public sealed record PlannedTransfer(Guid Id, Guid DebitAccountId, Guid CreditAccountId, long Amount, string Memo, Guid? DecisionId);

/// <summary>The posting a client was told about: its place in the journal and its hash.</summary>
public sealed record Acknowledged(long Sequence, string Hash);

/// <summary>
/// Many parallel clients working through a plan of transfers against a server that may die at
/// any moment. A client keeps sending the same transfer (same id, same body) after a broken
/// connection, a timeout or a 5xx until the bank gives a definite answer — a posting, or a refusal
/// such as insufficient-funds — and writes down what it was told. Some acknowledged transfers are
/// sent once more on purpose: that must find the same posting, never make a second one. Every
/// other client sends its transfers five at a time through <c>/transfers/batch</c>, retrying the
/// ones without a definite answer together.
/// </summary>
public sealed class TransferLoad(Uri server, string communePath, string bearerToken, int seed) : IDisposable
{
    /// <summary>The refusals a client takes as the bank's final word on its transfer.</summary>
    public static readonly IReadOnlySet<string> DefiniteRefusals = new HashSet<string> { "insufficient-funds", "mandate-exceeded", "mandate-required" };

    private readonly HttpClient _http = NewClient(bearerToken);
    private int _next;
    private int _inFlight;
    private int _attempts;
    private int _brokenConnections;
    private int _serverErrors;
    private int _resends;

    /// <summary>Where the server listens now; the test moves it when it starts a new process.</summary>
    public Uri Server { get; set; } = server;

    public ConcurrentDictionary<Guid, Acknowledged> Acknowledged { get; } = new();
    public ConcurrentDictionary<Guid, string> Refused { get; } = new();

    /// <summary>Transfers one of whose attempts timed out while the server may still have been working on it.</summary>
    public ConcurrentDictionary<Guid, bool> TimedOut { get; } = new();

    public ConcurrentQueue<string> Violations { get; } = new();
    public ConcurrentQueue<Guid> Unresolved { get; } = new();

    public int Resolved => Acknowledged.Count + Refused.Count;
    public int InFlight => Volatile.Read(ref _inFlight);

    public string Summary(int planned) =>
        $"{planned} planned, {Acknowledged.Count} posted, {Refused.Count} refused ({string.Join(", ", Refused.Values.GroupBy(c => c).Select(g => $"{g.Key} {g.Count()}"))}), "
        + $"{_attempts} attempts, {_brokenConnections} broken connections, {TimedOut.Count} timeouts, {_serverErrors} 5xx, {_resends} deliberate resends";

    /// <summary>Runs <paramref name="clients"/> clients until every planned transfer has a definite answer or <paramref name="within"/> runs out.</summary>
    public async Task RunAsync(IReadOnlyList<PlannedTransfer> plan, int clients, TimeSpan within, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var random = new Random(HashCode.Combine(seed, client));
            var take = client % 2 == 0 ? 1 : BatchSize;
            for (var i = Interlocked.Add(ref _next, take) - take; i < plan.Count; i = Interlocked.Add(ref _next, take) - take)
            {
                if (take == 1)
                    await SendUntilAnsweredAsync(plan[i], random, deadline, within, cancellationToken);
                else
                    await SendBatchUntilAnsweredAsync(plan.Skip(i).Take(take).ToList(), random, deadline, within, cancellationToken);
            }
        }, cancellationToken)));
    }

    public void Dispose() => _http.Dispose();

    private const int BatchSize = 5;

    private async Task SendBatchUntilAnsweredAsync(List<PlannedTransfer> batch, Random random, Stopwatch deadline, TimeSpan within, CancellationToken cancellationToken)
    {
        var open = batch;
        while (open.Count > 0 && deadline.Elapsed < within)
        {
            var answers = await SendBatchAsync(open, cancellationToken);
            var again = new List<PlannedTransfer>();
            for (var i = 0; i < open.Count; i++)
            {
                var t = open[i];
                switch (answers?[i])
                {
                    case { Status: HttpStatusCode.Created or HttpStatusCode.OK, Posting: { } posting }:
                        Acknowledged[t.Id] = posting;
                        break;
                    case { Code: { } code } when DefiniteRefusals.Contains(code):
                        Refused[t.Id] = code;
                        break;
                    case null or { Status: HttpStatusCode.ServiceUnavailable } or { Status: >= HttpStatusCode.InternalServerError }:
                        again.Add(t);
                        break;
                    case var answer:
                        Violations.Enqueue($"{t.Id}: unexpected answer in a batch {(int?)answer.Status} {answer.Code}");
                        break;
                }
            }
            open = again;
            if (open.Count > 0)
                await Task.Delay(random.Next(100, 250), cancellationToken);
        }
        foreach (var t in open)
            Unresolved.Enqueue(t.Id);
    }

    /// <summary>Each transfer's answer in order, or null when the request as a whole got no definite answer.</summary>
    private async Task<IReadOnlyList<Answer>?> SendBatchAsync(List<PlannedTransfer> batch, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref _attempts, batch.Count);
        Interlocked.Increment(ref _inFlight);
        try
        {
            using var response = await _http.PostAsJsonAsync(new Uri(Server, $"{communePath}/transfers/batch"), batch.Select(t => new
            {
                id = t.Id,
                debitAccountId = t.DebitAccountId,
                creditAccountId = t.CreditAccountId,
                amount = t.Amount,
                currency = "VES",
                memo = t.Memo,
                decisionId = t.DecisionId,
            }), cancellationToken);
            if (response.StatusCode >= HttpStatusCode.InternalServerError)
                Interlocked.Increment(ref _serverErrors);
            if (response.StatusCode != HttpStatusCode.OK)
                return null;
            var items = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.EnumerateArray().ToList();
            return items.Select(item =>
            {
                var status = (HttpStatusCode)item.GetProperty("status").GetInt32();
                if (status is HttpStatusCode.Created or HttpStatusCode.OK)
                {
                    var posting = item.GetProperty("transfer");
                    return new Answer(status, null, new Acknowledged(posting.GetProperty("sequence").GetInt64(), posting.GetProperty("hash").GetString()!));
                }
                return new Answer(status, item.GetProperty("problem").GetProperty("code").GetString(), null);
            }).ToList();
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            Interlocked.Increment(ref _brokenConnections);
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            foreach (var t in batch)
                TimedOut[t.Id] = true;
            return null;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task SendUntilAnsweredAsync(PlannedTransfer t, Random random, Stopwatch deadline, TimeSpan within, CancellationToken cancellationToken)
    {
        while (deadline.Elapsed < within)
        {
            var answer = await SendAsync(t, cancellationToken);
            switch (answer)
            {
                case { Status: HttpStatusCode.Created or HttpStatusCode.OK, Posting: { } posting }:
                    Acknowledged[t.Id] = posting;
                    if (random.NextDouble() < 0.1)
                        await ResendAsync(t, posting, cancellationToken);
                    return;
                case { Code: { } code } when DefiniteRefusals.Contains(code):
                    Refused[t.Id] = code;
                    return;
                case { Status: null or HttpStatusCode.ServiceUnavailable } or { Status: >= HttpStatusCode.InternalServerError }:
                    // The server is down, restarting, or failed mid-way: the same request again, a moment
                    // later (long enough not to steal the restarting server's CPU).
                    await Task.Delay(random.Next(100, 250), cancellationToken);
                    break;
                default:
                    Violations.Enqueue($"{t.Id}: unexpected answer {(int?)answer.Status} {answer.Code}");
                    return;
            }
        }
        Unresolved.Enqueue(t.Id);
    }

    /// <summary>The same request once more after its acknowledgement: the same posting, 200, nothing new.</summary>
    private async Task ResendAsync(PlannedTransfer t, Acknowledged posting, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _resends);
        var again = await SendAsync(t, cancellationToken);
        if (again.Status is null or HttpStatusCode.ServiceUnavailable or >= HttpStatusCode.InternalServerError)
            return; // the server died under it; the first answer stands
        if (again.Status != HttpStatusCode.OK || again.Posting != posting)
            Violations.Enqueue($"{t.Id}: acknowledged as {posting}, sent again got {(int?)again.Status} {again.Code} {again.Posting}");
    }

    private async Task<Answer> SendAsync(PlannedTransfer t, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        Interlocked.Increment(ref _inFlight);
        try
        {
            using var response = await _http.PostAsJsonAsync(new Uri(Server, $"{communePath}/transfers"), new
            {
                id = t.Id,
                debitAccountId = t.DebitAccountId,
                creditAccountId = t.CreditAccountId,
                amount = t.Amount,
                currency = "VES",
                memo = t.Memo,
                decisionId = t.DecisionId,
            }, cancellationToken);
            if (response.StatusCode >= HttpStatusCode.InternalServerError)
                Interlocked.Increment(ref _serverErrors);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var json = body.Length > 0 && body[0] == '{' ? JsonDocument.Parse(body).RootElement : default;
            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                return new Answer(response.StatusCode, null, new Acknowledged(json.GetProperty("sequence").GetInt64(), json.GetProperty("hash").GetString()!));
            var code = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("code", out var c) ? c.GetString() : null;
            return new Answer(response.StatusCode, code, null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // Refused, reset or cut off mid-answer by a killed server: nothing definite was said.
            Interlocked.Increment(ref _brokenConnections);
            return new Answer(null, null, null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            TimedOut[t.Id] = true;
            return new Answer(null, null, null);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static HttpClient NewClient(string bearerToken)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 64,
            ConnectTimeout = TimeSpan.FromSeconds(2),
        };
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return client;
    }

    private sealed record Answer(HttpStatusCode? Status, string? Code, Acknowledged? Posting);
}
