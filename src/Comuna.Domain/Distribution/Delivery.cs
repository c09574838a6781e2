namespace Comuna.Domain.Distribution;

/// <summary>
/// A household served in a round. One row per household and round — UNIQUE(round, household) in
/// the database — so that two spokespeople marking the same family at once record it once.
/// </summary>
public sealed class Delivery
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public Guid HouseholdId { get; set; }
    public int Units { get; set; }
    public DeliveryChannel Channel { get; set; }

    /// <summary>The account of the spokesperson who marked the household served.</summary>
    public required string MarkedBy { get; set; }

    public DateTime DeliveredAtUtc { get; set; }
}
