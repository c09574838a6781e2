namespace Comuna.Domain.Ledger;

/// <summary>
/// One posting: an amount moved from the debit account to the credit account, in their shared
/// currency. Immutable; a mistake is corrected by a reversing transfer that points to it. Its id is
/// the client's, so a retry of the same request is recognised, never applied twice.
/// </summary>
public sealed class Transfer
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }

    /// <summary>The position in the commune's journal: 1, 2, 3 … with no gaps.</summary>
    public long Sequence { get; set; }

    public Guid DebitAccountId { get; set; }
    public Guid CreditAccountId { get; set; }
    public long Amount { get; set; }
    public required string Currency { get; set; }
    public required string Memo { get; set; }

    /// <summary>The assembly decision whose mandate covers this outflow.</summary>
    public Guid? DecisionId { get; set; }

    /// <summary>The transfer this one reverses, when it corrects a mistake.</summary>
    public Guid? ReversesId { get; set; }

    public DateTime PostedAtUtc { get; set; }
    public required string PostedBy { get; set; }

    /// <summary>The second person of the finance unit who approved a large outflow; null below the threshold.</summary>
    public string? ApprovedBy { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
