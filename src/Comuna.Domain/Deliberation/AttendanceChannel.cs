namespace Comuna.Domain.Deliberation;

/// <summary>How a presence was recorded: checked in at the door, or from the paper roster afterwards.</summary>
public enum AttendanceChannel
{
    InPerson,
    PaperRoster,
}
