using Comuna.Domain.Ledger;

namespace Comuna.Application.Ledger;

public sealed record AccountView(
    Guid Id, string Code, string Name, AccountKind Kind, string Currency, long Balance, bool AllowNegative, IncomeSource? Source, Guid? CouncilId);

public sealed record TransferView(
    Guid Id, long Sequence, Guid DebitAccountId, Guid CreditAccountId, long Amount, string Currency, string Memo,
    Guid? DecisionId, Guid? ReversesId, DateTime PostedAt, string PostedBy, string? ApprovedBy, string PreviousHash, string Hash)
{
    public static TransferView Of(Transfer t) => new(t.Id, t.Sequence, t.DebitAccountId, t.CreditAccountId, t.Amount, t.Currency, t.Memo,
        t.DecisionId, t.ReversesId, t.PostedAtUtc, t.PostedBy, t.ApprovedBy, t.PreviousHash, t.Hash);
}

public sealed record LedgerVerification(Guid CommuneId, long Postings, IReadOnlyList<string> Differences)
{
    public bool Holds => Differences.Count == 0;
}

/// <summary>Income of one month in one currency, split by where it came from.</summary>
public sealed record IncomeMonth(string Month, string Currency, long OwnRevenue, long StateFunds)
{
    /// <summary>The own-revenue share, 0 to 1: the road from co-management to self-management.</summary>
    public decimal OwnShare => OwnRevenue + StateFunds == 0 ? 0 : (decimal)OwnRevenue / (OwnRevenue + StateFunds);
}

/// <summary>A large outflow asked for by one person of the finance unit, waiting for another's approval.</summary>
public sealed record PendingView(
    Guid Id, Guid DebitAccountId, Guid CreditAccountId, long Amount, string Currency, string Memo, Guid? DecisionId, string RequestedBy, DateTime RequestedAt);

/// <summary>An assembly's mandate to spend, as the finance unit chooses it for a payment.</summary>
public sealed record MandateView(Guid DecisionId, Guid AssemblyId, string Purpose, string Currency, long Amount, long Remaining, DateTime DecidedAt);
