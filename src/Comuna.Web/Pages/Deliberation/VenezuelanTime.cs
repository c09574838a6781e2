using System.Globalization;

namespace Comuna.Web.Pages.Deliberation;

/// <summary>
/// Assemblies are stored in UTC and shown, and typed in, in Venezuelan time: a spokesperson who
/// convenes for "18:00" means six in the evening in Caracas, not in Greenwich. Venezuela keeps
/// UTC−4 all year (no daylight saving since 2016), so a fixed offset is exact.
/// </summary>
public static class VenezuelanTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(-4);

    /// <summary>The value a <c>datetime-local</c> input sends: 2026-12-05T18:00.</summary>
    public const string InputFormat = "yyyy-MM-dd'T'HH:mm";

    public static DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Unspecified) + Offset;

    public static DateTime? ParseInput(string? local) =>
        DateTime.TryParseExact(local?.Trim(), [InputFormat, "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? DateTime.SpecifyKind(parsed - Offset, DateTimeKind.Utc)
            : null;

    /// <summary>A date and time as people read it: "5 diciembre 2026, 18:00".</summary>
    public static string Format(DateTime utc, string longDateFormat) =>
        ToLocal(utc).ToString(longDateFormat + ", HH:mm", CultureInfo.CurrentCulture);
}
