using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Application.Ledger;

/// <summary>
/// Group commit for the bank, as TigerBeetle does it: one per process, it takes every checked
/// transfer through a <see cref="GroupCommit{TRequest, TOutcome}"/> queue and writes all those
/// waiting in one transaction. A busy bank then pays one commit, one disk flush and one lock
/// hand-over for a whole batch instead of one per transfer. The writer remembers each commune's
/// head, balances and mandates (<see cref="JournalMemory"/>), so most batches read nothing;
/// the others, and any the database refuses, are written by <see cref="JournalWriter"/>, reading
/// under the lock. A refused transfer (insufficient funds, mandate exceeded) fails alone, and a
/// batch the database refuses as a whole is written again one transfer at a time.
/// </summary>
public sealed class JournalBatcher(IServiceScopeFactory scopes, TimeProvider clock) : PostingJournal, IAsyncDisposable
{
    private readonly Batches _batches = new(scopes, clock);

    public long BatchesWritten => _batches.BatchesWritten;

    public long RequestsWritten => _batches.RequestsWritten;

    public int LargestBatch => _batches.LargestBatch;

    public TimeSpan WritingTime => _batches.WritingTime;

    /// <summary>Batches written from the writer's memory, without reading; the rest were read under the lock.</summary>
    public long BatchesFromMemory => _batches.FromMemory;

    // A client that gave up retries with the same id anyway; a queued transfer is not withdrawn.
    internal override Task<Result<Transfer>> PostAsync(PostingRequest request, CancellationToken cancellationToken) => _batches.PostAsync(request);

    public ValueTask DisposeAsync() => _batches.DisposeAsync();

    private sealed class Batches(IServiceScopeFactory scopes, TimeProvider clock) : GroupCommit<PostingRequest, Result<Transfer>>(scopes)
    {
        private readonly JournalMemory _memory = new();
        private long _fromMemory;

        public long FromMemory => Interlocked.Read(ref _fromMemory);

        public Task<Result<Transfer>> PostAsync(PostingRequest request) => SubmitAsync(request);

        protected override IReadOnlyList<Result<Transfer>> WriteBatch(IServiceProvider services, IReadOnlyList<PostingRequest> requests)
        {
            var db = services.GetRequiredService<IComunaDb>();
            var postedAt = StoredTime.Of(clock.GetUtcNow().UtcDateTime);
            if (_memory.TryWrite(db, requests, postedAt) is { } remembered)
            {
                Interlocked.Increment(ref _fromMemory);
                return remembered;
            }
            try
            {
                var written = new JournalWriter(db, clock).Write(requests);
                _memory.Learn(written.State);
                return written.Outcomes;
            }
            catch (DbUpdateException) when (requests.Count == 1)
            {
                return [JournalWriter.Raced];
            }
        }
    }
}
