namespace Comuna.Domain.Ledger;

/// <summary>
/// The communal bank's own rules, versioned like the laws' rule sets: from which amount an
/// outflow needs a second person of the finance unit to approve it before it posts.
/// </summary>
public sealed record BankRules(string Id, IReadOnlyDictionary<string, long> SecondApprovalFrom, long SecondApprovalFromOtherCurrencies)
{
    /// <summary>50,000.00 VES, 1,000.00 USD, and 1,000.00 of any communal currency.</summary>
    public static readonly BankRules Default = new(
        "BANCO-COMUNAL-2026",
        new Dictionary<string, long> { ["VES"] = 50_000_00, ["USD"] = 1_000_00 },
        1_000_00);

    public bool NeedsSecondApproval(long amount, string currency) =>
        amount >= SecondApprovalFrom.GetValueOrDefault(currency, SecondApprovalFromOtherCurrencies);
}
