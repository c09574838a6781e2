namespace Comuna.Domain.Distribution;

/// <summary>
/// A resident the health committee has marked as pregnant or malnourished, from one day and,
/// where it ends, until another. Kept beside the census, keyed by resident, so that the census
/// import never has to know about it; a round reads the flags in force on its first day.
/// </summary>
public sealed class HealthFlag
{
    public Guid Id { get; set; }
    public Guid ResidentId { get; set; }
    public HealthFlagKind Kind { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAtUtc { get; set; }

    public bool InForceOn(DateOnly day) => StartsOn <= day && (EndsOn is null || EndsOn >= day);
}
