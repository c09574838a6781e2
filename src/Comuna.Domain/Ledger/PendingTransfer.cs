namespace Comuna.Domain.Ledger;

/// <summary>
/// A large outflow waiting for a second person of the finance unit. It moves no money until
/// approved, and the one who asked for it cannot approve it: no single official moves money alone.
/// </summary>
public sealed class PendingTransfer
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid DebitAccountId { get; set; }
    public Guid CreditAccountId { get; set; }
    public long Amount { get; set; }
    public required string Currency { get; set; }
    public required string Memo { get; set; }
    public Guid? DecisionId { get; set; }
    public required string RequestedBy { get; set; }
    public DateTime RequestedAtUtc { get; set; }
}
