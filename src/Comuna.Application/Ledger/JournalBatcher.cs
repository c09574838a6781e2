using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Application.Ledger;

/// <summary>
/// Group commit for the bank, as TigerBeetle does it: one per process, it takes every checked
/// transfer through a <see cref="GroupCommit{TRequest, TOutcome}"/> queue and writes all those
/// waiting in one transaction (<see cref="JournalWriter.WriteBatchAsync"/>). A busy bank then pays
/// one commit, one disk flush and one lock hand-over for a whole batch instead of one per
/// transfer. A refused transfer (insufficient funds, mandate exceeded) fails alone, and a batch the
/// database refuses as a whole is written again one transfer at a time.
/// </summary>
public sealed class JournalBatcher(IServiceScopeFactory scopes) : PostingJournal, IAsyncDisposable
{
    private readonly Batches _batches = new(scopes);

    public long BatchesWritten => _batches.BatchesWritten;

    public long RequestsWritten => _batches.RequestsWritten;

    public int LargestBatch => _batches.LargestBatch;

    public TimeSpan WritingTime => _batches.WritingTime;

    // A client that gave up retries with the same id anyway; a queued transfer is not withdrawn.
    internal override Task<Result<Transfer>> PostAsync(PostingRequest request, CancellationToken cancellationToken) => _batches.PostAsync(request);

    public ValueTask DisposeAsync() => _batches.DisposeAsync();

    private sealed class Batches(IServiceScopeFactory scopes) : GroupCommit<PostingRequest, Result<Transfer>>(scopes)
    {
        public Task<Result<Transfer>> PostAsync(PostingRequest request) => SubmitAsync(request);

        protected override async Task<IReadOnlyList<Result<Transfer>>> WriteBatchAsync(IServiceProvider services, IReadOnlyList<PostingRequest> requests)
        {
            var writer = services.GetRequiredService<JournalWriter>();
            if (requests.Count == 1)
                return [await writer.PostAsync(requests[0], CancellationToken.None)];
            return await writer.WriteBatchAsync(requests, CancellationToken.None);
        }
    }
}
