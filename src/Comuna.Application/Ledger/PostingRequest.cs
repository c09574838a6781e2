namespace Comuna.Application.Ledger;

/// <summary>
/// A checked transfer on its way into the journal, with who posts it, who approved it (a large
/// outflow), and the pending request it settles when it is that approval.
/// </summary>
internal sealed record PostingRequest(CheckedTransfer Transfer, string PostedBy, string? ApprovedBy, Guid? SettlesPending);
