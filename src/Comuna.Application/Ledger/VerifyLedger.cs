using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Ledger;

/// <summary>
/// Recomputes a commune's journal from its postings alone: the hash chain, the sequence without
/// gaps, every account's balance, and that no account that may not go negative ever did.
/// Social oversight runs it as <c>comuna verify ledger COMMUNE</c>.
/// </summary>
public sealed class VerifyLedger(IComunaDb db)
{
    public async Task<Result<LedgerVerification>> ExecuteAsync(Guid communeId, CancellationToken cancellationToken)
    {
        if (!await db.Communes.AnyAsync(c => c.Id == communeId, cancellationToken))
            return Error.NotFound("commune", communeId);
        var differences = new List<string>();
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.CommuneId == communeId).ToDictionaryAsync(a => a.Id, cancellationToken);
        var balances = accounts.Keys.ToDictionary(id => id, _ => 0L);
        var previous = LedgerChain.Genesis(communeId);
        long expected = 1;
        await foreach (var t in db.Transfers.AsNoTracking().Where(t => t.CommuneId == communeId).OrderBy(t => t.Sequence)
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (t.Sequence != expected)
                differences.Add($"Posting {t.Id}: sequence {t.Sequence} where {expected} was due.");
            if (t.PreviousHash != previous || t.Hash != LedgerChain.Hash(t, previous))
                differences.Add($"Posting {t.Sequence} ({t.Id}): its hash does not follow from its content and the previous posting.");
            balances[t.DebitAccountId] -= t.Amount;
            balances[t.CreditAccountId] += t.Amount;
            if (!accounts[t.DebitAccountId].AllowNegative && balances[t.DebitAccountId] < 0)
                differences.Add($"Posting {t.Sequence}: account {accounts[t.DebitAccountId].Code} went below zero.");
            previous = t.Hash;
            expected = t.Sequence + 1;
        }
        foreach (var (id, account) in accounts)
        {
            if (balances[id] != account.Balance)
                differences.Add($"Account {account.Code}: the postings give {balances[id]}, the books say {account.Balance}.");
        }
        var head = await db.LedgerHeads.AsNoTracking().FirstOrDefaultAsync(h => h.CommuneId == communeId, cancellationToken);
        if (head is not null && (head.LastSequence != expected - 1 || head.LastHash != previous))
            differences.Add($"The journal's head says {head.LastSequence}, the postings end at {expected - 1}.");
        return new LedgerVerification(communeId, expected - 1, differences);
    }
}
