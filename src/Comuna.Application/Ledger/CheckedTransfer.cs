namespace Comuna.Application.Ledger;

/// <summary>A transfer request that passed every check that does not need the journal's lock.</summary>
internal sealed record CheckedTransfer(
    Guid Id, Guid CommuneId, Guid DebitAccountId, Guid CreditAccountId, long Amount, string Currency, string Memo,
    Guid? DecisionId, Guid? ReversesId, bool SpendsMandate);
