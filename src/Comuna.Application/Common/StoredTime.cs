namespace Comuna.Application.Common;

/// <summary>
/// Times as both engines keep them: PostgreSQL stores microseconds, not .NET's 100-nanosecond
/// ticks. A time that goes into a hash is cut to microseconds first, so the hash computed
/// before saving equals the one recomputed from what was saved.
/// </summary>
public static class StoredTime
{
    public static DateTime Of(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);
}
