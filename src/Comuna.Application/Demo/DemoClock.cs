namespace Comuna.Application.Demo;

/// <summary>
/// The clock the demo's past runs on: the use cases that record the demo's year of assemblies and
/// postings read the time from it, so each record carries the day it happened in the story.
/// </summary>
internal sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>Moves to <paramref name="day"/> at <paramref name="hour"/> (UTC); the story only goes forward.</summary>
    public void At(DateOnly day, int hour = 14)
    {
        var next = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
        Now = next > Now ? next : Now.AddMinutes(1);
    }
}
