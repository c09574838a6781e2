using System.Globalization;
using System.Runtime.CompilerServices;

namespace Comuna.Domain.Common;

/// <summary>
/// An expected failure, as a value: a stable machine code (<c>council-size-out-of-range</c>),
/// a message a person can act on, and, where it applies, the field or the file line at fault.
/// </summary>
/// <remarks>
/// The message is English (the API and the command line say it). Where a use case words it from a
/// template and its values (<c>$"'{value}' is not a date of the form YYYY-MM-DD."</c>), <see cref="Text"/>
/// keeps the two apart, so that a page can say the same sentence in its language with the same values.
/// </remarks>
public sealed record Error(string Code, string Message, ErrorKind Kind = ErrorKind.Validation, string? Field = null)
{
    /// <summary>The message as its template and values, when the use case gave them; null for a message given as finished text.</summary>
    public FormattableString? Text { get; init; }

    /// <summary>
    /// The further errors found in the same input, each naming its own field or line: a form shows
    /// them all at once instead of one per submission. Empty for an error that stopped alone.
    /// </summary>
    public IReadOnlyList<Error> Also { get; init; } = [];

    /// <summary>This error and those found with it, in the order they were found.</summary>
    public IEnumerable<Error> All => Also.Prepend(this);

    /// <summary>The first of <paramref name="errors"/> carrying the others (<see cref="Also"/>); at least one is needed.</summary>
    public static Error Together(IReadOnlyList<Error> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        return errors[0] with { Also = errors.Skip(1).ToList() };
    }

    public static Error NotFound(string what, object id) =>
        new($"{what}-not-found", $"No {what.Replace('-', ' ')} with id {id}.", ErrorKind.NotFound);

    public static Error Invalid(string field, string message) =>
        new("invalid-field", message, ErrorKind.Validation, field) { Text = Fixed(message) };

    /// <summary>A message worded from a template and its values: preferred for <c>$"…"</c>, so that every such message keeps its template.</summary>
    [OverloadResolutionPriority(1)]
    public static Error Invalid(string field, FormattableString message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new("invalid-field", message.ToString(CultureInfo.InvariantCulture), ErrorKind.Validation, field) { Text = message };
    }

    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);

    public static Error Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);

    /// <summary>A finished sentence as a template of its own, its braces kept as text.</summary>
    public static FormattableString Fixed(string message) =>
        FormattableStringFactory.Create(message.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
}
