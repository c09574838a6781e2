using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Comuna.Data;

/// <summary>
/// Every DateTime Comuna stores is UTC, and comes back marked as UTC on both engines. Without it
/// SQLite hands back "unspecified" times, which print without their zone and make a hash over
/// the same minutes differ between the day they were written and the day they are checked.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    stored => DateTime.SpecifyKind(stored, DateTimeKind.Utc));
