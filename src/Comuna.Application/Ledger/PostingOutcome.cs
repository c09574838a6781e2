using Comuna.Domain.Ledger;

namespace Comuna.Application.Ledger;

/// <summary>
/// What a transfer request did: posted it (<see cref="Transfer"/>), or — for a large outflow —
/// left it waiting for a second approval (<see cref="Pending"/>); <see cref="Created"/> is false
/// when the same request had already done so (a retry).
/// </summary>
public sealed record PostingOutcome(Transfer? Transfer, PendingTransfer? Pending, bool Created);
