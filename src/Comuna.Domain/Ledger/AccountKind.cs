namespace Comuna.Domain.Ledger;

/// <summary>
/// What an account is for. The first four hold common funds; money leaving them for an
/// <see cref="Expense"/> (an outside party) needs an assembly's mandate. <see cref="Income"/>
/// accounts stand for where money comes from, and go negative as they give.
/// </summary>
public enum AccountKind
{
    /// <summary>The commune's treasury.</summary>
    Treasury,

    /// <summary>A council's fund.</summary>
    Fund,

    /// <summary>A social-property enterprise's account (bakery, textile workshop …).</summary>
    Enterprise,

    /// <summary>A community project's budget.</summary>
    Project,

    /// <summary>A source of money: sales, raffles and donations, state co-management funds.</summary>
    Income,

    /// <summary>An outside party money is paid to: a supplier, a contractor.</summary>
    Expense,
}
