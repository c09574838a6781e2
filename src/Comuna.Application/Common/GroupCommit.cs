using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Application.Common;

/// <summary>
/// Group commit: one per process, it takes the writes that arrive together through a queue and,
/// whenever it is free, writes all those waiting — up to <see cref="MaxBatch"/> — in one
/// transaction. A crowd then pays one commit, one disk flush and one lock hand-over per batch
/// instead of one per request; a lone request is written as it comes, with no wait added. Nobody
/// hears their write succeeded before its batch is committed. Each request keeps its own answer,
/// and a batch the database refuses as a whole is written again one request at a time, so that
/// only the faulty one fails.
/// </summary>
/// <remarks>
/// The writer is a thread of its own doing synchronous I/O, not a task on the thread pool: under
/// load the pool's queue holds hundreds of requests' work, and a writer that awaited each round
/// trip would wait behind them after every one — the batch's time, and so every request's, grew
/// with the crowd. A blocked thread is woken by the kernel the moment its database answers.
/// </remarks>
public abstract class GroupCommit<TRequest, TOutcome> : IAsyncDisposable
{
    /// <summary>Enough to cover every request the server has in flight at once; a larger batch only holds the locks longer.</summary>
    public const int MaxBatch = 256;

    private readonly Channel<Waiting> _queue = Channel.CreateUnbounded<Waiting>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly Thread _writing;
    private long _batches;
    private long _requests;
    private int _largest;
    private long _writingTicks;

    protected GroupCommit(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        _writing = new Thread(WriteLoop) { IsBackground = true, Name = $"{GetType().Name} writer" };
        _writing.Start();
    }

    /// <summary>Transactions written so far; with <see cref="RequestsWritten"/>, the mean batch.</summary>
    public long BatchesWritten => Interlocked.Read(ref _batches);

    public long RequestsWritten => Interlocked.Read(ref _requests);

    public int LargestBatch => Volatile.Read(ref _largest);

    /// <summary>The time spent writing batches: set beside the wall clock, how busy the one writer is.</summary>
    public TimeSpan WritingTime => TimeSpan.FromTicks(Interlocked.Read(ref _writingTicks));

    /// <summary>Queues <paramref name="request"/> and answers once its batch is committed. The caller's
    /// cancellation does not withdraw it: it may already be in a batch being committed.</summary>
    protected Task<TOutcome> SubmitAsync(TRequest request)
    {
        var waiting = new Waiting(request, new TaskCompletionSource<TOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(waiting))
            throw new ObjectDisposedException(GetType().Name, "The process is shutting down.");
        return waiting.Outcome.Task;
    }

    /// <summary>Writes <paramref name="requests"/> in one transaction of a fresh scope, with synchronous
    /// database calls (it runs on the writer's own thread); one outcome per request, in order.</summary>
    protected abstract IReadOnlyList<TOutcome> WriteBatch(IServiceProvider services, IReadOnlyList<TRequest> requests);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.Run(_writing.Join);
        GC.SuppressFinalize(this);
    }

    private void WriteLoop()
    {
        var batch = new List<Waiting>(MaxBatch);
        while (WaitForRequests())
        {
            // Everything that arrived while the previous batch was being committed.
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var waiting))
                batch.Add(waiting);
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _requests, batch.Count);
            if (batch.Count > _largest)
                Volatile.Write(ref _largest, batch.Count);
            var started = Stopwatch.GetTimestamp();
            try
            {
                Write(batch);
            }
            catch (Exception e)
            {
                // Never lose the loop: whoever waits hears of the failure.
                foreach (var w in batch)
                    w.Outcome.TrySetException(e);
            }
            Interlocked.Add(ref _writingTicks, Stopwatch.GetElapsedTime(started).Ticks);
            batch.Clear();
        }
    }

    /// <summary>Blocks the writer's thread until a request waits (true) or the queue is closed and empty (false).</summary>
    private bool WaitForRequests()
    {
        var ready = _queue.Reader.WaitToReadAsync();
        return ready.IsCompletedSuccessfully ? ready.Result : ready.AsTask().GetAwaiter().GetResult();
    }

    private void Write(List<Waiting> batch)
    {
        try
        {
            var outcomes = WriteInScope(batch.Select(w => w.Request).ToList());
            for (var i = 0; i < batch.Count; i++)
                batch[i].Outcome.TrySetResult(outcomes[i]);
        }
        catch (Exception) when (batch.Count > 1)
        {
            // The database refused the batch as a whole (a key, a constraint) or the commit's fate is
            // unknown: each request again on its own, which finds any that did commit.
            foreach (var w in batch)
            {
                try
                {
                    w.Outcome.TrySetResult(WriteInScope([w.Request])[0]);
                }
                catch (Exception e)
                {
                    w.Outcome.TrySetException(e);
                }
            }
        }
    }

    /// <summary>A fresh scope, so a failed batch leaves no state behind for the next.</summary>
    private IReadOnlyList<TOutcome> WriteInScope(IReadOnlyList<TRequest> requests)
    {
        using var scope = _scopes.CreateScope();
        return WriteBatch(scope.ServiceProvider, requests);
    }

    private sealed record Waiting(TRequest Request, TaskCompletionSource<TOutcome> Outcome);
}
