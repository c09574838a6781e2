namespace Comuna.Domain.Deliberation;

/// <summary>
/// A seat of a commune's parliament: one delegate per member council, three for the productive
/// organisations, one for the communal bank, each for a three-year term. Delegates carry their
/// councils' mandates; the parliament's sessions count them, not the census, for quorum and votes.
/// </summary>
public sealed class ParliamentSeat
{
    public Guid Id { get; set; }
    public Guid CommuneId { get; set; }
    public Guid ResidentId { get; set; }
    public SeatKind Kind { get; set; }

    /// <summary>The council the delegate speaks for, for a council's seat.</summary>
    public Guid? CouncilId { get; set; }

    public DateOnly ElectedOn { get; set; }
    public DateOnly TermEndsOn { get; set; }

    public bool InForceOn(DateOnly day) => ElectedOn <= day && day < TermEndsOn;
}
