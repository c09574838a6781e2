using Comuna.Domain.Common;
using Comuna.Domain.Ledger;

namespace Comuna.Application.Ledger;

/// <summary>
/// Where a checked transfer goes to be posted. In a server it is the process's
/// <see cref="JournalBatcher"/>, which commits the transfers that arrive together in one
/// transaction; a caller that posts one at a time on a clock of its own (the demo's year) hands
/// its own <see cref="JournalWriter"/> instead. Either answers only after the posting is committed.
/// </summary>
public abstract class PostingJournal
{
    internal abstract Task<Result<Transfer>> PostAsync(PostingRequest request, CancellationToken cancellationToken);
}
