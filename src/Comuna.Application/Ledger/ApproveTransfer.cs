using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Ledger;

/// <summary>
/// A second person of the finance unit approves a large outflow, which then posts with both names
/// in the journal's hash. The person who asked for it cannot approve it.
/// </summary>
public sealed class ApproveTransfer(IComunaDb db, TransferChecks checks, PostingJournal journal)
{
    public async Task<Result<PostingOutcome>> ExecuteAsync(Actor actor, Guid communeId, Guid transferId, CancellationToken cancellationToken)
    {
        if (!await db.Communes.AnyAsync(c => c.Id == communeId, cancellationToken))
            return Error.NotFound("commune", communeId);
        if (!LedgerAccess.CanKeepBooks(actor, communeId))
            return await LedgerAccess.RefusalAsync(db, actor, communeId, cancellationToken);
        var pending = await db.PendingTransfers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == transferId && p.CommuneId == communeId, cancellationToken);
        if (pending is null)
        {
            // Approving twice is harmless: the second approval finds the posting.
            var posted = await db.Transfers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == transferId && t.CommuneId == communeId, cancellationToken);
            return posted is not null
                ? new PostingOutcome(posted, null, Created: false)
                : new Error("transfer-not-found", $"No transfer {transferId} waits for approval in this commune.", ErrorKind.NotFound);
        }
        if (pending.RequestedBy == actor.UserId)
            return Error.Forbidden("second-person-required", "A large outflow is approved by another person of the finance unit than the one who asked for it.");

        var recheck = await checks.CheckAsync(communeId, new TransferInput(pending.Id, pending.DebitAccountId, pending.CreditAccountId,
            pending.Amount, pending.Currency, pending.Memo, pending.DecisionId, null), cancellationToken);
        if (!recheck.IsSuccess)
            return recheck.Error;
        var written = await journal.PostAsync(new PostingRequest(recheck.Value, pending.RequestedBy, actor.UserId, SettlesPending: pending.Id), cancellationToken);
        if (written.IsSuccess)
            return new PostingOutcome(written.Value, null, Created: true);
        // Two people approving at the same moment: the one posting stands, and both see it.
        var raced = written.Error.Code == "transfer-raced"
            ? await db.Transfers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == transferId && t.CommuneId == communeId, cancellationToken)
            : null;
        return raced is not null ? new PostingOutcome(raced, null, Created: false) : written.Error;
    }
}
