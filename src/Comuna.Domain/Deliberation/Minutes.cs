namespace Comuna.Domain.Deliberation;

/// <summary>
/// The acta of a closed assembly: its content as canonical JSON, and a checkpoint hash over that
/// content and the previous minutes' checkpoint of the same community. A printed copy carries the
/// checkpoint, so it can later prove the record was not rewritten.
/// </summary>
public sealed class Minutes
{
    public Guid Id { get; set; }
    public Guid AssemblyId { get; set; }
    public DateTime WrittenAtUtc { get; set; }
    public required string Content { get; set; }
    public required string PreviousCheckpoint { get; set; }
    public required string Checkpoint { get; set; }
}
