using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Ledger;

/// <summary>
/// Writes a batch of postings into the journals in ONE transaction. It first takes the lock of
/// each commune's journal head (an UPDATE of that row, in one order, so that two processes never
/// wait on each other crosswise); every writer of balances, mandates and heads holds that lock,
/// so what it then reads stays true until it commits. It applies the transfers in memory in order
/// (<see cref="JournalBatch"/>) — checking funds, mandates and ids, chaining sequences and hashes —
/// and saves everything with one SaveChanges and one commit: one disk flush for the whole batch.
/// The database's CHECK constraints and keys are the last word; a batch they refuse is written
/// again one transfer at a time by <see cref="JournalBatcher"/>.
/// </summary>
public sealed class JournalWriter(IComunaDb db, TimeProvider clock) : PostingJournal
{
    /// <summary>One posting, in a transaction of its own: for callers that post one at a time.</summary>
    internal override async Task<Result<Transfer>> PostAsync(PostingRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return (await WriteBatchAsync([request], cancellationToken))[0];
        }
        catch (DbUpdateException)
        {
            // The same id was posted at the same moment outside this commune's lock: nothing of ours stands.
            return Error.Conflict("transfer-raced", "A transfer with this id was posted at the same moment.");
        }
    }

    /// <summary>Each request's outcome, in order; all the postings among them are committed together when this returns.</summary>
    internal Task<IReadOnlyList<Result<Transfer>>> WriteBatchAsync(IReadOnlyList<PostingRequest> batch, CancellationToken cancellationToken) =>
        WriteBatchAsync(batch, headsMade: false, cancellationToken);

    private async Task<IReadOnlyList<Result<Transfer>>> WriteBatchAsync(IReadOnlyList<PostingRequest> batch, bool headsMade, CancellationToken cancellationToken)
    {
        var communes = batch.Select(r => r.Transfer.CommuneId).Distinct().Order().ToList();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var locked = 0;
            foreach (var communeId in communes)
            {
                locked += await db.LedgerHeads.Where(h => h.CommuneId == communeId)
                    .ExecuteUpdateAsync(set => set.SetProperty(h => h.LastSequence, h => h.LastSequence), cancellationToken);
            }
            if (locked < communes.Count && !headsMade)
            {
                // A commune's head is made with its first account, so a checked transfer finds it; were
                // one missing, it is made and the batch starts again.
                await transaction.RollbackAsync(cancellationToken);
                foreach (var communeId in communes)
                    await LedgerJournal.EnsureHeadAsync(db, communeId, cancellationToken);
                return await WriteBatchAsync(batch, headsMade: true, cancellationToken);
            }
            var journal = await LoadAsync(communes, batch, cancellationToken);

            var postedAt = StoredTime.Of(clock.GetUtcNow().UtcDateTime);
            var outcomes = batch.Select(r => journal.Apply(r, postedAt)).ToList();
            if (journal.Postings.Count == 0)
                return outcomes;
            var settled = batch.Zip(outcomes).Where(p => p.Second.IsSuccess && p.First.SettlesPending is not null)
                .Select(p => p.First.SettlesPending!.Value).ToList();
            if (settled.Count > 0)
                await db.PendingTransfers.Where(p => settled.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
            db.Transfers.AddRange(journal.Postings);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return outcomes;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The rows the batch touches, tracked so that one SaveChanges writes back what the batch changed.</summary>
    private async Task<JournalBatch> LoadAsync(List<Guid> communes, IReadOnlyList<PostingRequest> batch, CancellationToken cancellationToken)
    {
        var requests = batch.Select(r => r.Transfer).ToList();
        var settling = batch.Where(r => r.SettlesPending is not null).Select(r => r.SettlesPending!.Value).ToList();
        var heads = await db.LedgerHeads.Where(h => communes.Contains(h.CommuneId)).ToDictionaryAsync(h => h.CommuneId, cancellationToken);
        var accountIds = requests.SelectMany(t => new[] { t.DebitAccountId, t.CreditAccountId }).Distinct().ToList();
        var accounts = await db.Accounts.Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var ids = requests.Select(t => t.Id).ToList();
        // An id that waits for a second approval is taken too, except by the approval that settles it.
        var posted = await db.Transfers.Where(t => ids.Contains(t.Id)).Select(t => t.Id)
            .Concat(db.PendingTransfers.Where(p => ids.Contains(p.Id) && !settling.Contains(p.Id)).Select(p => p.Id))
            .ToListAsync(cancellationToken);

        var reversals = requests.Where(t => t.ReversesId is not null).Select(t => t.ReversesId!.Value).ToList();
        Dictionary<Guid, Guid?> reversedMandates = [];
        List<Guid> reversed = [];
        if (reversals.Count > 0)
        {
            reversedMandates = await db.Transfers.Where(t => reversals.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.DecisionId, cancellationToken);
            reversed = await db.Transfers.Where(t => t.ReversesId != null && reversals.Contains(t.ReversesId.Value))
                .Select(t => t.ReversesId!.Value).ToListAsync(cancellationToken);
        }
        var decisionIds = requests.Where(t => t.SpendsMandate).Select(t => t.DecisionId!.Value)
            .Concat(reversedMandates.Values.OfType<Guid>()).Distinct().ToList();
        var decisions = decisionIds.Count == 0
            ? []
            : await db.Decisions.Where(d => decisionIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        return new JournalBatch(heads, accounts, decisions, reversedMandates, posted.ToHashSet(), reversed.ToHashSet());
    }
}
