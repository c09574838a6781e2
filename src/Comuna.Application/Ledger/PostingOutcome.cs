using Comuna.Domain.Ledger;

namespace Comuna.Application.Ledger;

/// <summary>The posting, and whether this request created it or found it already posted (a retry).</summary>
public sealed record PostingOutcome(Transfer Transfer, bool Created);
