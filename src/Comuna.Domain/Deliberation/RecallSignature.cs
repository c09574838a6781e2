namespace Comuna.Domain.Deliberation;

/// <summary>One resident's signature on a recall petition; UNIQUE(petition, resident).</summary>
public sealed class RecallSignature
{
    public Guid Id { get; set; }
    public Guid PetitionId { get; set; }
    public Guid ResidentId { get; set; }
    public DateTime SignedAtUtc { get; set; }
}
