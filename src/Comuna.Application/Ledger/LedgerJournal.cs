using Comuna.Application.Common;
using Comuna.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Ledger;

/// <summary>The head of each commune's journal, created once with the commune's first account.</summary>
internal static class LedgerJournal
{
    public static async Task EnsureHeadAsync(IComunaDb db, Guid communeId, CancellationToken cancellationToken)
    {
        if (await db.LedgerHeads.AnyAsync(h => h.CommuneId == communeId, cancellationToken))
            return;
        var head = new LedgerHead { CommuneId = communeId, LastSequence = 0, LastHash = LedgerChain.Genesis(communeId) };
        db.LedgerHeads.Add(head);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another account of the same commune opened at the same moment and made the head.
        }
        db.ChangeTracker.Clear();
    }
}
