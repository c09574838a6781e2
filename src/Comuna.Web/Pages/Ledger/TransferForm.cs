namespace Comuna.Web.Pages.Ledger;

/// <summary>A movement as the finance unit types it. The id is made when the form is shown, so
/// sending the same form twice (a double tap, a retry on a poor connection) records it once.</summary>
public sealed class TransferForm
{
    public Guid Id { get; set; }
    public Guid DebitAccountId { get; set; }
    public Guid CreditAccountId { get; set; }
    public string? Amount { get; set; }
    public string? Memo { get; set; }
    public Guid? DecisionId { get; set; }
}
