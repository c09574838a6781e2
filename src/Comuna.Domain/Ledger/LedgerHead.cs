namespace Comuna.Domain.Ledger;

/// <summary>
/// The end of a commune's journal: its last sequence and hash. Raising the sequence first in a
/// posting's transaction takes this row's lock, so postings of one commune chain one at a time.
/// </summary>
public sealed class LedgerHead
{
    public Guid CommuneId { get; set; }
    public long LastSequence { get; set; }
    public required string LastHash { get; set; }
}
