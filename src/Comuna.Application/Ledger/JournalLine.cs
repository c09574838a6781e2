namespace Comuna.Application.Ledger;

/// <summary>
/// One posting as social oversight audits it: both accounts by code and name, the amount in minor
/// units, the mandate it was spent under and the assembly whose minutes record that mandate, and
/// the hashes that chain it to the posting before.
/// </summary>
public sealed record JournalLine(
    long Sequence, DateTime PostedAt, string DebitAccount, string DebitAccountName, string CreditAccount, string CreditAccountName,
    long Amount, string Currency, string Memo, Guid? DecisionId, string? MandatePurpose, Guid? AssemblyId, Guid? ReversesId,
    Guid Id, string PostedBy, string? ApprovedBy, string PreviousHash, string Hash);
