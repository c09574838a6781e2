using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Ledger;

/// <summary>
/// Writes a batch of postings into the journals in ONE transaction, reading everything it decides
/// on from the database. It first takes the lock of each commune's journal head (an UPDATE of that
/// row, in one order, so that two processes never wait on each other crosswise); every writer of
/// balances, mandates and heads holds that lock, so what it then reads stays true until it commits.
/// It applies the transfers in memory in order (<see cref="JournalBatch"/>) — checking funds,
/// mandates and ids, chaining sequences and hashes — and saves everything with one SaveChanges and
/// one commit: one disk flush for the whole batch. The database's CHECK constraints and keys are
/// the last word; a batch they refuse is written again one transfer at a time by
/// <see cref="JournalBatcher"/>, whose memory (<see cref="JournalMemory"/>) spares most batches
/// these reads.
/// </summary>
/// <remarks>Synchronous: it runs on the batcher's own writer thread (see <see cref="GroupCommit{TRequest, TOutcome}"/>).</remarks>
public sealed class JournalWriter(IComunaDb db, TimeProvider clock) : PostingJournal
{
    /// <summary>One posting, in a transaction of its own: for callers that post one at a time.</summary>
    internal override Task<Result<Transfer>> PostAsync(PostingRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Post(request));

    internal Result<Transfer> Post(PostingRequest request)
    {
        try
        {
            return Write([request]).Outcomes[0];
        }
        catch (DbUpdateException)
        {
            // The same id was posted at the same moment outside this commune's lock: nothing of ours stands.
            return Raced;
        }
    }

    internal static Error Raced => Error.Conflict("transfer-raced", "A transfer with this id was posted at the same moment.");

    /// <summary>Each request's outcome, in order, and the rows as the batch left them; all the postings
    /// among them are committed together when this returns.</summary>
    internal WrittenBatch Write(IReadOnlyList<PostingRequest> batch) => Write(batch, headsMade: false);

    private WrittenBatch Write(IReadOnlyList<PostingRequest> batch, bool headsMade)
    {
        var communes = batch.Select(r => r.Transfer.CommuneId).Distinct().Order().ToList();
        try
        {
            using var transaction = db.Database.BeginTransaction();
            var locked = 0;
            foreach (var communeId in communes)
                locked += db.LedgerHeads.Where(h => h.CommuneId == communeId).ExecuteUpdate(set => set.SetProperty(h => h.LastSequence, h => h.LastSequence));
            if (locked < communes.Count && !headsMade)
            {
                // A commune's head is made with its first account, so a checked transfer finds it; were
                // one missing, it is made and the batch starts again.
                transaction.Rollback();
                foreach (var communeId in communes)
                    LedgerJournal.EnsureHeadAsync(db, communeId, CancellationToken.None).GetAwaiter().GetResult();
                return Write(batch, headsMade: true);
            }
            var journal = Load(communes, batch);

            var postedAt = StoredTime.Of(clock.GetUtcNow().UtcDateTime);
            var outcomes = batch.Select(r => journal.Apply(r, postedAt)).ToList();
            if (journal.Postings.Count == 0)
                return new WrittenBatch(outcomes, journal);
            var settled = batch.Zip(outcomes).Where(p => p.Second.IsSuccess && p.First.SettlesPending is not null)
                .Select(p => p.First.SettlesPending!.Value).ToList();
            if (settled.Count > 0)
                db.PendingTransfers.Where(p => settled.Contains(p.Id)).ExecuteDelete();
            db.Transfers.AddRange(journal.Postings);
            db.SaveChanges();
            transaction.Commit();
            return new WrittenBatch(outcomes, journal);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The rows the batch touches, tracked so that one SaveChanges writes back what the batch changed.</summary>
    private JournalBatch Load(List<Guid> communes, IReadOnlyList<PostingRequest> batch)
    {
        var requests = batch.Select(r => r.Transfer).ToList();
        var settling = batch.Where(r => r.SettlesPending is not null).Select(r => r.SettlesPending!.Value).ToList();
        var heads = db.LedgerHeads.Where(h => communes.Contains(h.CommuneId)).ToDictionary(h => h.CommuneId);
        var accountIds = requests.SelectMany(t => new[] { t.DebitAccountId, t.CreditAccountId }).Distinct().ToList();
        var accounts = db.Accounts.Where(a => accountIds.Contains(a.Id)).ToDictionary(a => a.Id);
        var ids = requests.Select(t => t.Id).ToList();
        // An id that waits for a second approval is taken too, except by the approval that settles it.
        var posted = db.Transfers.Where(t => ids.Contains(t.Id)).Select(t => t.Id)
            .Concat(db.PendingTransfers.Where(p => ids.Contains(p.Id) && !settling.Contains(p.Id)).Select(p => p.Id))
            .ToHashSet();

        var reversals = requests.Where(t => t.ReversesId is not null).Select(t => t.ReversesId!.Value).ToList();
        Dictionary<Guid, Guid?> reversedMandates = [];
        HashSet<Guid> reversed = [];
        if (reversals.Count > 0)
        {
            reversedMandates = db.Transfers.Where(t => reversals.Contains(t.Id)).ToDictionary(t => t.Id, t => t.DecisionId);
            reversed = db.Transfers.Where(t => t.ReversesId != null && reversals.Contains(t.ReversesId.Value))
                .Select(t => t.ReversesId!.Value).ToHashSet();
        }
        var decisionIds = requests.Where(t => t.SpendsMandate).Select(t => t.DecisionId!.Value)
            .Concat(reversedMandates.Values.OfType<Guid>()).Distinct().ToList();
        var decisions = decisionIds.Count == 0 ? [] : db.Decisions.Where(d => decisionIds.Contains(d.Id)).ToDictionary(d => d.Id);
        return new JournalBatch(heads, accounts, decisions, reversedMandates, posted, reversed);
    }
}
