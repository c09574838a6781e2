using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Ledger;

/// <summary>
/// Records a transfer the finance unit asks for. Money leaving common funds for an outside party
/// needs an assembly's mandate that covers it; from the bank rules' threshold such an outflow also
/// waits for a second person of the finance unit (<see cref="ApproveTransfer"/>). The client's id
/// makes every request safe to retry: the same id and body give the same answer, a different body
/// under the same id is refused.
/// </summary>
public sealed class PostTransfer(IComunaDb db, TransferChecks checks, PostingJournal journal, TimeProvider clock)
{
    public BankRules Rules { get; init; } = BankRules.Default;

    /// <summary>The most transfers one request may carry (TigerBeetle's clients send up to 8,190 per batch).</summary>
    public const int MaxPerRequest = 1000;

    public async Task<Result<PostingOutcome>> ExecuteAsync(Actor actor, Guid communeId, TransferInput input, CancellationToken cancellationToken)
    {
        var posted = await ExecuteManyAsync(actor, communeId, [input], cancellationToken);
        return posted.IsSuccess ? posted.Value[0] : posted.Error;
    }

    /// <summary>
    /// Many transfers of one commune in one request, each with its own answer, in order: they are
    /// not all-or-nothing, each passes or fails on its own exactly as if sent alone, one after the
    /// other. Their accounts are read once and they reach the journal together, so that they share
    /// its transactions.
    /// </summary>
    public async Task<Result<IReadOnlyList<Result<PostingOutcome>>>> ExecuteManyAsync(
        Actor actor, Guid communeId, IReadOnlyList<TransferInput> inputs, CancellationToken cancellationToken)
    {
        // A finance role in the commune names it by foreign key, so the commune exists: the lookup is
        // only for those who hold none (404 or 403), not on every transfer of the finance unit.
        if (!LedgerAccess.CanKeepBooks(actor, communeId))
        {
            return await db.Communes.AnyAsync(c => c.Id == communeId, cancellationToken)
                ? await LedgerAccess.RefusalAsync(db, actor, communeId, cancellationToken)
                : Error.NotFound("commune", communeId);
        }
        if (inputs.Count is 0 or > MaxPerRequest)
            return Error.Invalid("transfers", $"A request carries from 1 to {MaxPerRequest} transfers.");

        var checkedTransfers = await checks.CheckManyAsync(communeId, inputs, cancellationToken);
        var outcomes = new Result<PostingOutcome>[inputs.Count];
        var posting = new List<(int Index, Task<Result<Transfer>> Written)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var checkedTransfer = checkedTransfers[i];
            if (!checkedTransfer.IsSuccess)
            {
                // A retry of a transfer already posted may no longer pass (the money has moved): answer it as a retry.
                outcomes[i] = await PreviousAsync(communeId, input, cancellationToken) ?? checkedTransfer.Error;
                continue;
            }
            var t = checkedTransfer.Value;
            if (t.SpendsMandate && Rules.NeedsSecondApproval(t.Amount, t.Currency))
            {
                // A large outflow waits in its own table, where the journal's keys do not reach: look for the posting first.
                outcomes[i] = await PreviousAsync(communeId, input, cancellationToken) ?? await AwaitApprovalAsync(actor, t, input, cancellationToken);
                continue;
            }
            // A retry of a posted (or waiting) transfer is not looked up here, on every request: the journal
            // refuses it (a taken id, or funds already moved), and only then is the earlier answer read.
            posting.Add((i, journal.PostAsync(new PostingRequest(t, actor.UserId ?? "system", ApprovedBy: null, SettlesPending: null), cancellationToken)));
        }
        foreach (var (i, written) in posting)
        {
            var result = await written;
            // A refusal may be a retry of a transfer posted before: the journal's memory decides funds and
            // mandates without looking up ids, so every refusal is checked for an earlier posting (refusals are few).
            outcomes[i] = result.IsSuccess
                ? new PostingOutcome(result.Value, null, Created: true)
                : await PreviousAsync(communeId, inputs[i], cancellationToken) ?? result.Error;
        }
        return Result<IReadOnlyList<Result<PostingOutcome>>>.Success(outcomes);
    }

    private async Task<Result<PostingOutcome>> AwaitApprovalAsync(Actor actor, CheckedTransfer t, TransferInput input, CancellationToken cancellationToken)
    {
        var pending = new PendingTransfer
        {
            Id = t.Id,
            CommuneId = t.CommuneId,
            DebitAccountId = t.DebitAccountId,
            CreditAccountId = t.CreditAccountId,
            Amount = t.Amount,
            Currency = t.Currency,
            Memo = t.Memo,
            DecisionId = t.DecisionId,
            RequestedBy = actor.UserId ?? "system",
            RequestedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.PendingTransfers.Add(pending);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await PreviousAsync(t.CommuneId, input, cancellationToken) ?? Error.Conflict("transfer-raced", "A transfer with this id arrived at the same moment.");
        }
        db.ChangeTracker.Clear();
        return new PostingOutcome(null, pending, Created: true);
    }

    /// <summary>What an earlier request with this id did, or null when there was none. The same
    /// request gets the same answer; a different one under the same id is a conflict.</summary>
    private async Task<Result<PostingOutcome>?> PreviousAsync(Guid communeId, TransferInput input, CancellationToken cancellationToken)
    {
        var memo = input.Memo?.Trim() ?? "";
        var currency = input.Currency?.Trim().ToUpperInvariant() ?? "";
        var posted = await db.Transfers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == input.Id, cancellationToken);
        if (posted is not null)
        {
            var same = posted.CommuneId == communeId && posted.DebitAccountId == input.DebitAccountId && posted.CreditAccountId == input.CreditAccountId
                && posted.Amount == input.Amount && posted.Currency == currency && posted.Memo == memo
                && posted.DecisionId == input.DecisionId && posted.ReversesId == input.ReversesId;
            return same ? new PostingOutcome(posted, null, Created: false) : IdempotencyConflict(input.Id);
        }
        var pending = await db.PendingTransfers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == input.Id, cancellationToken);
        if (pending is not null)
        {
            var same = pending.CommuneId == communeId && pending.DebitAccountId == input.DebitAccountId && pending.CreditAccountId == input.CreditAccountId
                && pending.Amount == input.Amount && pending.Currency == currency && pending.Memo == memo
                && pending.DecisionId == input.DecisionId && input.ReversesId is null;
            return same ? new PostingOutcome(null, pending, Created: false) : IdempotencyConflict(input.Id);
        }
        return null;
    }

    private static Error IdempotencyConflict(Guid id) =>
        Error.Conflict("idempotency-conflict", $"A different transfer was already posted with id {id}.");
}
