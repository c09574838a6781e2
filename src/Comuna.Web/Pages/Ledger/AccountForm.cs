using Comuna.Domain.Ledger;

namespace Comuna.Web.Pages.Ledger;

/// <summary>A new account of the commune's bank as the finance unit fills it in.</summary>
public sealed class AccountForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public AccountKind? Kind { get; set; }
    public string? Currency { get; set; } = "VES";
    public IncomeSource? Source { get; set; }
}
