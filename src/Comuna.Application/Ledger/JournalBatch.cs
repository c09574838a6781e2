using System.Globalization;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Comuna.Domain.Ledger;

namespace Comuna.Application.Ledger;

/// <summary>
/// The rows one journal transaction may change — the communes' journal heads, the accounts and
/// mandates its transfers touch, the ids already posted — loaded under the heads' locks, and the
/// transfers applied to them in memory one after the other. Each transfer sees the balances and
/// mandates the ones before it in the batch left, so a batch decides exactly as the same
/// transfers posted one by one in that order would: a refused transfer changes nothing and the
/// next one goes on.
/// </summary>
internal sealed class JournalBatch(
    IReadOnlyDictionary<Guid, LedgerHead> heads,
    IReadOnlyDictionary<Guid, Account> accounts,
    IReadOnlyDictionary<Guid, Decision> decisions,
    IReadOnlyDictionary<Guid, Guid?> reversedMandates,
    ISet<Guid> postedIds,
    ISet<Guid> reversedIds)
{
    private readonly List<Transfer> _postings = [];

    /// <summary>The transfers this batch posts, in journal order.</summary>
    public IReadOnlyList<Transfer> Postings => _postings;

    /// <summary>The heads, accounts and mandates as the batch leaves them: what the writer's memory learns once they are committed.</summary>
    public IReadOnlyDictionary<Guid, LedgerHead> Heads => heads;

    public IReadOnlyDictionary<Guid, Account> Accounts => accounts;

    public IReadOnlyDictionary<Guid, Decision> Decisions => decisions;

    public Result<Transfer> Apply(PostingRequest request, DateTime postedAtUtc)
    {
        var t = request.Transfer;
        // Every check first, so that a refusal leaves the rows as the previous transfer left them.
        if (postedIds.Contains(t.Id))
            return Error.Conflict("transfer-raced", "A transfer with this id was posted at the same moment.");
        if (t.ReversesId is { } reversed && reversedIds.Contains(reversed))
            return Error.Conflict("already-reversed", "That transfer has already been reversed.");
        var debit = accounts[t.DebitAccountId];
        var credit = accounts[t.CreditAccountId];
        if (!debit.AllowNegative && debit.Balance < t.Amount)
            return new Error("insufficient-funds", "The debit account does not hold enough for this transfer.", ErrorKind.Conflict, "amount");
        // A balance is a 64-bit count of minor units: an amount that would carry one past it is
        // refused by name rather than overflowing in the middle of a batch.
        var overflowing = credit.Balance > long.MaxValue - t.Amount ? credit : debit.Balance < long.MinValue + t.Amount ? debit : null;
        if (overflowing is not null)
        {
            return new Error("amount-too-large",
                string.Create(CultureInfo.InvariantCulture, $"This transfer would carry the balance of {overflowing.Code} beyond what the books can record (±{long.MaxValue:N0} minor units)."),
                ErrorKind.Validation, "amount");
        }
        Decision? spent = null;
        if (t.ReversesId is null && t.SpendsMandate)
        {
            spent = decisions[t.DecisionId!.Value];
            if (t.Amount > spent.MandateAmountMinor - spent.MandateSpentMinor)
                return new Error("mandate-exceeded", "This transfer would spend more than the assembly's mandate allows.", ErrorKind.Conflict, "amount");
        }

        debit.Balance -= t.Amount;
        credit.Balance += t.Amount;
        if (spent is not null)
            spent.MandateSpentMinor += t.Amount;
        if (t.ReversesId is { } original)
        {
            reversedIds.Add(original);
            // Undoing a mandated payment gives the mandate its room back.
            if (reversedMandates.GetValueOrDefault(original) is { } refunded)
                decisions[refunded].MandateSpentMinor -= t.Amount;
        }
        postedIds.Add(t.Id);

        var head = heads[t.CommuneId];
        var transfer = new Transfer
        {
            Id = t.Id,
            CommuneId = t.CommuneId,
            Sequence = head.LastSequence + 1,
            DebitAccountId = t.DebitAccountId,
            CreditAccountId = t.CreditAccountId,
            Amount = t.Amount,
            Currency = t.Currency,
            Memo = t.Memo,
            DecisionId = t.DecisionId,
            ReversesId = t.ReversesId,
            PostedAtUtc = postedAtUtc,
            PostedBy = request.PostedBy,
            ApprovedBy = request.ApprovedBy,
            PreviousHash = head.LastHash,
            Hash = "",
        };
        transfer.Hash = LedgerChain.Hash(transfer, head.LastHash);
        head.LastSequence = transfer.Sequence;
        head.LastHash = transfer.Hash;
        _postings.Add(transfer);
        return transfer;
    }
}
