namespace Comuna.Domain.Ledger;

/// <summary>
/// An account of a commune's communal bank, in one currency. Its balance is kept with every
/// posting and can always be recomputed from them (<c>comuna verify ledger</c>).
/// </summary>
public sealed class Account
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }

    /// <summary>The council whose fund this is, when it is one.</summary>
    public Guid? CouncilId { get; set; }

    public required string Code { get; set; }
    public required string Name { get; set; }
    public AccountKind Kind { get; set; }
    public required string Currency { get; set; }

    /// <summary>Whether the balance may fall below zero: true for income and expense accounts.</summary>
    public bool AllowNegative { get; set; }

    /// <summary>For income accounts, whether it is the commune's own revenue or state funds.</summary>
    public IncomeSource? Source { get; set; }

    public long Balance { get; set; }

    /// <summary>Common funds: the treasury, funds, enterprises and projects.</summary>
    public bool HoldsCommonFunds => Kind is AccountKind.Treasury or AccountKind.Fund or AccountKind.Enterprise or AccountKind.Project;
}
