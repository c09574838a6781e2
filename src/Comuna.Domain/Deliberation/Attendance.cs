namespace Comuna.Domain.Deliberation;

/// <summary>A resident present at an assembly. One row per person and assembly, enforced by the database.</summary>
public sealed class Attendance
{
    public Guid Id { get; set; }
    public Guid AssemblyId { get; set; }
    public Guid ResidentId { get; set; }
    public DateTime CheckedInAtUtc { get; set; }
    public AttendanceChannel Channel { get; set; }

    /// <summary>The account of the spokesperson who recorded the presence.</summary>
    public required string RecordedBy { get; set; }
}
