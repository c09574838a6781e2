using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Ledger;

/// <summary>
/// The checks a transfer passes before it reaches the journal: its fields, its accounts and their
/// currency, a reversal's match with what it reverses, and — for money leaving common funds for an
/// outside party — an assembly decision whose mandate covers it.
/// </summary>
public sealed class TransferChecks(IComunaDb db)
{
    public const int MaxMemoLength = 300;

    internal async Task<Result<CheckedTransfer>> CheckAsync(Guid communeId, TransferInput input, CancellationToken cancellationToken) =>
        (await CheckManyAsync(communeId, [input], cancellationToken))[0];

    /// <summary>Checks many transfers of one commune with one read of all their accounts; each gets its own answer.</summary>
    internal async Task<IReadOnlyList<Result<CheckedTransfer>>> CheckManyAsync(Guid communeId, IReadOnlyList<TransferInput> inputs, CancellationToken cancellationToken)
    {
        var ids = inputs.SelectMany(i => new[] { i.DebitAccountId, i.CreditAccountId }).Distinct().ToList();
        var accounts = await db.Accounts.AsNoTracking()
            .Where(a => a.CommuneId == communeId && ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        // Many payments of one request usually name the same few mandates: each is read once.
        var mandates = new Dictionary<(Guid?, string), Error?>();
        var results = new List<Result<CheckedTransfer>>(inputs.Count);
        foreach (var input in inputs)
            results.Add(await CheckAsync(communeId, input, accounts, mandates, cancellationToken));
        return results;
    }

    private async Task<Result<CheckedTransfer>> CheckAsync(
        Guid communeId, TransferInput input, Dictionary<Guid, Account> accounts, Dictionary<(Guid?, string), Error?> mandates, CancellationToken cancellationToken)
    {
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

        if (input.ReversesId is not null)
        {
            var reversal = await CheckReversalAsync(communeId, input, cancellationToken);
            if (reversal is not null)
                return reversal;
        }
        var spendsMandate = input.ReversesId is null && debit.HoldsCommonFunds && credit.Kind == AccountKind.Expense;
        if (spendsMandate)
        {
            if (!mandates.TryGetValue((input.DecisionId, currency), out var mandate))
                mandates[(input.DecisionId, currency)] = mandate = await CheckMandateAsync(communeId, input.DecisionId, currency, cancellationToken);
            if (mandate is not null)
                return mandate;
        }
        return new CheckedTransfer(input.Id, communeId, input.DebitAccountId, input.CreditAccountId, input.Amount, currency, memo,
            input.DecisionId, input.ReversesId, spendsMandate);
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
        var ofThisCommune = decision is not null && (decision.CommuneId == communeId
            || (decision.CouncilId is { } councilId && await db.Councils.AnyAsync(c => c.Id == councilId && c.CommuneId == communeId, cancellationToken)));
        if (!ofThisCommune || decision!.MandateAmountMinor is null)
            return new Error("mandate-required", "That decision gives this commune no mandate to spend.", ErrorKind.Forbidden, "decisionId");
        if (decision.MandateCurrency != currency)
            return new Error("mandate-required", $"The mandate is in {decision.MandateCurrency}, the transfer in {currency}.", ErrorKind.Forbidden, "decisionId");
        return null;
    }

    /// <summary>A reversal undoes one posting of the same commune exactly: same amount, accounts swapped, once.</summary>
    private async Task<Error?> CheckReversalAsync(Guid communeId, TransferInput input, CancellationToken cancellationToken)
    {
        var original = await db.Transfers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == input.ReversesId && t.CommuneId == communeId, cancellationToken);
        if (original is null)
            return new Error("transfer-not-found", $"No transfer {input.ReversesId} in this commune's books.", ErrorKind.NotFound, "reversesId");
        if (original.Amount != input.Amount || original.DebitAccountId != input.CreditAccountId || original.CreditAccountId != input.DebitAccountId)
            return Error.Invalid("reversesId", "A reversal moves the same amount back between the same two accounts.");
        if (await db.Transfers.AnyAsync(t => t.ReversesId == input.ReversesId, cancellationToken))
            return Error.Conflict("already-reversed", "That transfer has already been reversed.");
        return null;
    }

    private static Error AccountNotFound(Guid id, string field) =>
        new("account-not-found", $"No account {id} in this commune's books.", ErrorKind.NotFound, field);
}
