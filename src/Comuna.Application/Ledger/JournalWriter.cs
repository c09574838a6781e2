using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Ledger;

/// <summary>
/// Writes one posting into a commune's journal. Inside one transaction it first raises the
/// journal head's sequence — taking that row's lock, so postings of a commune chain one at a time —
/// then moves both balances (the debit only if it stays non-negative, where it must), spends the
/// mandate (only within its amount), chains the hash and inserts the transfer. Any refusal rolls
/// all of it back; the database's CHECK constraints are the last word.
/// </summary>
public sealed class JournalWriter(IComunaDb db, TimeProvider clock)
{
    internal async Task<Result<Transfer>> WriteAsync(
        CheckedTransfer t, string postedBy, string? approvedBy, Guid? settlesPending, CancellationToken cancellationToken)
    {
        await LedgerJournal.EnsureHeadAsync(db, t.CommuneId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LedgerHeads.Where(h => h.CommuneId == t.CommuneId)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.LastSequence, h => h.LastSequence + 1), cancellationToken);
        var head = await db.LedgerHeads.AsNoTracking().SingleAsync(h => h.CommuneId == t.CommuneId, cancellationToken);

        var amount = t.Amount;
        var debited = await db.Accounts
            .Where(a => a.Id == t.DebitAccountId && (a.AllowNegative || a.Balance >= amount))
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Balance, a => a.Balance - amount), cancellationToken);
        if (debited == 0)
            return new Error("insufficient-funds", "The debit account does not hold enough for this transfer.", ErrorKind.Conflict, "amount");
        await db.Accounts.Where(a => a.Id == t.CreditAccountId)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Balance, a => a.Balance + amount), cancellationToken);

        if (t.ReversesId is { } reversed)
        {
            // Undoing a mandated payment gives the mandate its room back.
            var original = await db.Transfers.AsNoTracking().SingleAsync(x => x.Id == reversed, cancellationToken);
            if (original.DecisionId is { } refunded)
            {
                await db.Decisions.Where(d => d.Id == refunded)
                    .ExecuteUpdateAsync(set => set.SetProperty(d => d.MandateSpentMinor, d => d.MandateSpentMinor - amount), cancellationToken);
            }
        }
        else if (t.SpendsMandate)
        {
            var spent = await db.Decisions
                .Where(d => d.Id == t.DecisionId && d.MandateSpentMinor + amount <= d.MandateAmountMinor)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.MandateSpentMinor, d => d.MandateSpentMinor + amount), cancellationToken);
            if (spent == 0)
                return new Error("mandate-exceeded", "This transfer would spend more than the assembly's mandate allows.", ErrorKind.Conflict, "amount");
        }
        if (settlesPending is { } pendingId)
            await db.PendingTransfers.Where(p => p.Id == pendingId).ExecuteDeleteAsync(cancellationToken);

        var transfer = new Transfer
        {
            Id = t.Id,
            CommuneId = t.CommuneId,
            Sequence = head.LastSequence,
            DebitAccountId = t.DebitAccountId,
            CreditAccountId = t.CreditAccountId,
            Amount = amount,
            Currency = t.Currency,
            Memo = t.Memo,
            DecisionId = t.DecisionId,
            ReversesId = t.ReversesId,
            PostedAtUtc = StoredTime.Of(clock.GetUtcNow().UtcDateTime),
            PostedBy = postedBy,
            ApprovedBy = approvedBy,
            PreviousHash = head.LastHash,
            Hash = "",
        };
        transfer.Hash = LedgerChain.Hash(transfer, head.LastHash);
        await db.LedgerHeads.Where(h => h.CommuneId == t.CommuneId)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.LastHash, transfer.Hash), cancellationToken);
        db.Transfers.Add(transfer);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same id was posted by a concurrent request: nothing of ours stands.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return Error.Conflict("transfer-raced", "A transfer with this id was posted at the same moment.");
        }
        db.ChangeTracker.Clear();
        return transfer;
    }
}
