using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Ledger;

/// <summary>
/// Records a transfer in the commune's journal. Money that leaves common funds for an outside
/// party needs an assembly decision whose mandate covers it, and the sum spent under a mandate
/// never passes its amount. Everything is decided inside one transaction that first takes the
/// journal head's lock, so balances, mandates and the hash chain move together or not at all;
/// the database's CHECK constraints are the last word on non-negative balances and mandates.
/// </summary>
public sealed class PostTransfer(IComunaDb db, TimeProvider clock)
{
    public const int MaxMemoLength = 300;

    public async Task<Result<PostingOutcome>> ExecuteAsync(Actor actor, Guid communeId, TransferInput input, CancellationToken cancellationToken)
    {
        if (!await db.Communes.AnyAsync(c => c.Id == communeId, cancellationToken))
            return Error.NotFound("commune", communeId);
        if (!LedgerAccess.CanKeepBooks(actor, communeId))
            return await LedgerAccess.RefusalAsync(db, actor, communeId, cancellationToken);
        var memo = input.Memo?.Trim() ?? "";
        var currency = input.Currency?.Trim().ToUpperInvariant() ?? "";
        if (input.Id == Guid.Empty)
            return Error.Invalid("id", "A transfer carries the client's own id (a UUID), so that a retry is recognised.");
        if (input.Amount <= 0)
            return Error.Invalid("amount", "The amount is a positive number of minor units (céntimos, cents).");
        if (memo.Length is 0 or > MaxMemoLength)
            return Error.Invalid("memo", $"The memo says what the money is for, in at most {MaxMemoLength} characters.");
        if (!Money.IsCurrencyCode(currency))
            return Error.Invalid("currency", "The currency is a code of 3 to 8 letters: VES, USD, or a communal currency.");

        var retry = await ExistingAsync(communeId, input, currency, memo, cancellationToken);
        if (retry is not null)
            return retry.Value;

        var accounts = await db.Accounts.AsNoTracking()
            .Where(a => a.CommuneId == communeId && (a.Id == input.DebitAccountId || a.Id == input.CreditAccountId))
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        if (!accounts.TryGetValue(input.DebitAccountId, out var debit))
            return AccountNotFound(input.DebitAccountId, "debitAccountId");
        if (!accounts.TryGetValue(input.CreditAccountId, out var credit))
            return AccountNotFound(input.CreditAccountId, "creditAccountId");
        if (debit.Id == credit.Id)
            return Error.Invalid("creditAccountId", "A transfer moves money between two different accounts.");
        if (debit.Currency != currency || credit.Currency != currency)
        {
            return new Error("currency-mismatch",
                $"The transfer is in {currency}; {debit.Code} holds {debit.Currency} and {credit.Code} holds {credit.Currency}. Comuna never converts silently.",
                ErrorKind.Validation, "currency");
        }

        var reversal = await CheckReversalAsync(communeId, input, cancellationToken);
        if (reversal is not null)
            return reversal;
        var decisionId = input.DecisionId;
        if (input.ReversesId is null && debit.HoldsCommonFunds && credit.Kind == AccountKind.Expense)
        {
            var mandate = await CheckMandateAsync(communeId, decisionId, currency, cancellationToken);
            if (mandate is not null)
                return mandate;
        }

        return await PostAsync(actor, communeId, input, currency, memo, decisionId, cancellationToken);
    }

    private async Task<Result<PostingOutcome>> PostAsync(
        Actor actor, Guid communeId, TransferInput input, string currency, string memo, Guid? decisionId, CancellationToken cancellationToken)
    {
        await LedgerJournal.EnsureHeadAsync(db, communeId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LedgerHeads.Where(h => h.CommuneId == communeId)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.LastSequence, h => h.LastSequence + 1), cancellationToken);
        var head = await db.LedgerHeads.AsNoTracking().SingleAsync(h => h.CommuneId == communeId, cancellationToken);

        var amount = input.Amount;
        var debited = await db.Accounts
            .Where(a => a.Id == input.DebitAccountId && (a.AllowNegative || a.Balance >= amount))
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Balance, a => a.Balance - amount), cancellationToken);
        if (debited == 0)
            return new Error("insufficient-funds", "The debit account does not hold enough for this transfer.", ErrorKind.Conflict, "amount");
        await db.Accounts.Where(a => a.Id == input.CreditAccountId)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Balance, a => a.Balance + amount), cancellationToken);

        if (input.ReversesId is { } reversed)
        {
            // Undoing a mandated payment gives the mandate its room back.
            var original = await db.Transfers.AsNoTracking().SingleAsync(t => t.Id == reversed, cancellationToken);
            if (original.DecisionId is { } refunded)
            {
                await db.Decisions.Where(d => d.Id == refunded)
                    .ExecuteUpdateAsync(set => set.SetProperty(d => d.MandateSpentMinor, d => d.MandateSpentMinor - amount), cancellationToken);
            }
        }
        else if (decisionId is { } mandateId && await IsMandatedOutflowAsync(input, cancellationToken))
        {
            var spent = await db.Decisions
                .Where(d => d.Id == mandateId && d.MandateSpentMinor + amount <= d.MandateAmountMinor)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.MandateSpentMinor, d => d.MandateSpentMinor + amount), cancellationToken);
            if (spent == 0)
                return new Error("mandate-exceeded", "This transfer would spend more than the assembly's mandate allows.", ErrorKind.Conflict, "amount");
        }

        var transfer = new Transfer
        {
            Id = input.Id,
            CommuneId = communeId,
            Sequence = head.LastSequence,
            DebitAccountId = input.DebitAccountId,
            CreditAccountId = input.CreditAccountId,
            Amount = amount,
            Currency = currency,
            Memo = memo,
            DecisionId = decisionId,
            ReversesId = input.ReversesId,
            PostedAtUtc = StoredTime.Of(clock.GetUtcNow().UtcDateTime),
            PostedBy = actor.UserId ?? "system",
            PreviousHash = head.LastHash,
            Hash = "",
        };
        transfer.Hash = LedgerChain.Hash(transfer, head.LastHash);
        await db.LedgerHeads.Where(h => h.CommuneId == communeId)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.LastHash, transfer.Hash), cancellationToken);
        db.Transfers.Add(transfer);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same id was posted by a concurrent retry: roll back ours and answer as a retry.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var again = await ExistingAsync(communeId, input, currency, memo, cancellationToken);
            if (again is not null)
                return again.Value;
            throw;
        }
        db.ChangeTracker.Clear();
        return new PostingOutcome(transfer, Created: true);
    }

    /// <summary>A transfer already posted under this id: the same posting for the same request,
    /// a conflict for a different one.</summary>
    private async Task<Result<PostingOutcome>?> ExistingAsync(
        Guid communeId, TransferInput input, string currency, string memo, CancellationToken cancellationToken)
    {
        var existing = await db.Transfers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == input.Id, cancellationToken);
        if (existing is null)
            return null;
        var same = existing.CommuneId == communeId && existing.DebitAccountId == input.DebitAccountId
            && existing.CreditAccountId == input.CreditAccountId && existing.Amount == input.Amount && existing.Currency == currency
            && existing.Memo == memo && existing.DecisionId == input.DecisionId && existing.ReversesId == input.ReversesId;
        return same
            ? new PostingOutcome(existing, Created: false)
            : Error.Conflict("idempotency-conflict", $"A different transfer was already posted with id {input.Id}.");
    }

    private async Task<Error?> CheckMandateAsync(Guid communeId, Guid? decisionId, string currency, CancellationToken cancellationToken)
    {
        if (decisionId is not { } id)
        {
            return new Error("mandate-required",
                "Money leaves common funds for an outside party only on an assembly's mandate: name the decision (decisionId).",
                ErrorKind.Forbidden, "decisionId");
        }
        var decision = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        var councilsOfCommune = db.Councils.Where(c => c.CommuneId == communeId).Select(c => c.Id);
        var ofThisCommune = decision is not null
            && (decision.CommuneId == communeId || (decision.CouncilId is { } cid && await councilsOfCommune.ContainsAsync(cid, cancellationToken)));
        if (!ofThisCommune || decision!.MandateAmountMinor is null)
        {
            return new Error("mandate-required", "That decision gives this commune no mandate to spend.", ErrorKind.Forbidden, "decisionId");
        }
        if (decision.MandateCurrency != currency)
        {
            return new Error("mandate-required", $"The mandate is in {decision.MandateCurrency}, the transfer in {currency}.", ErrorKind.Forbidden, "decisionId");
        }
        return null;
    }

    private async Task<bool> IsMandatedOutflowAsync(TransferInput input, CancellationToken cancellationToken)
    {
        var kinds = await db.Accounts.AsNoTracking().Where(a => a.Id == input.DebitAccountId || a.Id == input.CreditAccountId)
            .Select(a => new { a.Id, a.Kind }).ToListAsync(cancellationToken);
        var debitKind = kinds.Single(k => k.Id == input.DebitAccountId).Kind;
        var creditKind = kinds.Single(k => k.Id == input.CreditAccountId).Kind;
        return debitKind is AccountKind.Treasury or AccountKind.Fund or AccountKind.Enterprise or AccountKind.Project
            && creditKind == AccountKind.Expense;
    }

    /// <summary>A reversal undoes one posting of the same commune exactly: same amount, accounts swapped, once.</summary>
    private async Task<Error?> CheckReversalAsync(Guid communeId, TransferInput input, CancellationToken cancellationToken)
    {
        if (input.ReversesId is not { } reversedId)
            return null;
        var original = await db.Transfers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == reversedId && t.CommuneId == communeId, cancellationToken);
        if (original is null)
            return new Error("transfer-not-found", $"No transfer {reversedId} in this commune's books.", ErrorKind.NotFound, "reversesId");
        if (original.Amount != input.Amount || original.DebitAccountId != input.CreditAccountId || original.CreditAccountId != input.DebitAccountId)
            return Error.Invalid("reversesId", "A reversal moves the same amount back between the same two accounts.");
        if (await db.Transfers.AnyAsync(t => t.ReversesId == reversedId, cancellationToken))
            return Error.Conflict("already-reversed", "That transfer has already been reversed.");
        return null;
    }

    private static Error AccountNotFound(Guid id, string field) =>
        new("account-not-found", $"No account {id} in this commune's books.", ErrorKind.NotFound, field);
}
