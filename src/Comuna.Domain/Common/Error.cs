namespace Comuna.Domain.Common;

/// <summary>
/// An expected failure, as a value: a stable machine code (<c>council-size-out-of-range</c>),
/// a message a person can act on, and, where it applies, the field or the file line at fault.
/// </summary>
public sealed record Error(string Code, string Message, ErrorKind Kind = ErrorKind.Validation, string? Field = null)
{
    public static Error NotFound(string what, object id) =>
        new($"{what}-not-found", $"No {what.Replace('-', ' ')} with id {id}.", ErrorKind.NotFound);

    public static Error Invalid(string field, string message) =>
        new("invalid-field", message, ErrorKind.Validation, field);

    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);

    public static Error Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);
}
