namespace Comuna.Domain.Ledger;

/// <summary>
/// Where income comes from, for the road from co-management to self-management: the share of
/// own revenue (enterprises, raffles, donations) against state funds is a commune's key figure.
/// </summary>
public enum IncomeSource
{
    OwnRevenue,
    StateFunds,
}
