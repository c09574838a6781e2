using System.Threading.Channels;
using Comuna.Domain.Common;
using Comuna.Domain.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Application.Ledger;

/// <summary>
/// Group commit, as TigerBeetle does it: one per process, it takes every checked transfer through
/// a queue, and whenever it is free writes all those waiting — up to <see cref="MaxBatch"/> — in
/// one transaction (<see cref="JournalWriter.WriteBatchAsync"/>). A busy bank then pays one
/// commit, one disk flush and one lock hand-over for a whole batch instead of one per transfer;
/// an idle one writes each transfer as it comes, with no wait added. No one is told their transfer
/// is posted before its batch is committed. Each transfer gets its own answer: a refused one
/// (insufficient funds, mandate exceeded) fails alone, and a batch the database refuses as a whole
/// is written again one transfer at a time, so that only the faulty one fails.
/// </summary>
public sealed class JournalBatcher : PostingJournal, IAsyncDisposable
{
    /// <summary>Enough to cover every request the server has in flight at once; a larger batch only holds the lock longer.</summary>
    public const int MaxBatch = 256;

    private readonly Channel<Waiting> _queue = Channel.CreateUnbounded<Waiting>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly Task _writing;
    private long _batches;
    private long _requests;
    private int _largest;
    private long _writingTicks;

    public JournalBatcher(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        _writing = Task.Run(WriteLoopAsync);
    }

    /// <summary>Transactions written so far, for benchmarks and tests: with <see cref="RequestsWritten"/>, the mean batch.</summary>
    public long BatchesWritten => Interlocked.Read(ref _batches);

    public long RequestsWritten => Interlocked.Read(ref _requests);

    public int LargestBatch => Volatile.Read(ref _largest);

    /// <summary>The time spent writing batches: set beside the wall clock, how busy the one writer is.</summary>
    public TimeSpan WritingTime => TimeSpan.FromTicks(Interlocked.Read(ref _writingTicks));

    internal override Task<Result<Transfer>> PostAsync(PostingRequest request, CancellationToken cancellationToken)
    {
        // The caller's cancellation does not withdraw a transfer once queued: it may already be in a
        // batch being committed, and a client that gave up retries with the same id anyway.
        var waiting = new Waiting(request, new TaskCompletionSource<Result<Transfer>>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(waiting))
            throw new ObjectDisposedException(nameof(JournalBatcher), "The process is shutting down.");
        return waiting.Outcome.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writing;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Waiting>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            // Everything that arrived while the previous batch was being committed.
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var waiting))
                batch.Add(waiting);
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _requests, batch.Count);
            if (batch.Count > _largest)
                Volatile.Write(ref _largest, batch.Count);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                await WriteAsync(batch);
            }
            catch (Exception e)
            {
                // Never lose the loop: whoever waits hears of the failure.
                foreach (var w in batch)
                    w.Outcome.TrySetException(e);
            }
            Interlocked.Add(ref _writingTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<Waiting> batch)
    {
        try
        {
            var outcomes = await WriteInScopeAsync(batch.Select(w => w.Request).ToList());
            for (var i = 0; i < batch.Count; i++)
                batch[i].Outcome.TrySetResult(outcomes[i]);
        }
        catch (Exception) when (batch.Count > 1)
        {
            // The database refused the batch as a whole (a key, a constraint) or the commit's fate is
            // unknown: each transfer again on its own, under the lock, which finds any that did commit.
            foreach (var w in batch)
            {
                try
                {
                    w.Outcome.TrySetResult((await WriteInScopeAsync([w.Request]))[0]);
                }
                catch (Exception e)
                {
                    w.Outcome.TrySetException(e);
                }
            }
        }
    }

    /// <summary>A fresh scope, so a failed batch leaves no state behind for the next.</summary>
    private async Task<IReadOnlyList<Result<Transfer>>> WriteInScopeAsync(IReadOnlyList<PostingRequest> requests)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<JournalWriter>();
        if (requests.Count == 1)
            return [await writer.PostAsync(requests[0], CancellationToken.None)];
        return await writer.WriteBatchAsync(requests, CancellationToken.None);
    }

    private sealed record Waiting(PostingRequest Request, TaskCompletionSource<Result<Transfer>> Outcome);
}
