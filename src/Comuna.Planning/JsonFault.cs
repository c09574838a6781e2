using System.Text.Json;

namespace Comuna.Planning;

/// <summary>
/// Where and why System.Text.Json refused a document, taken apart for a message to whoever wrote
/// it: the plan's input file and the API's request bodies word their own message from it.
/// </summary>
/// <param name="Path">The JSON path of the value at fault (<c>$.lots[0].quantity</c>), or null for the document itself.</param>
/// <param name="Reason">The parser's own sentence, without the position it appends.</param>
/// <param name="WrongKind">
/// The value is of another kind than its place takes (a list where an object belongs, text where a
/// number does): the parser's sentence then names a .NET type, which says nothing to the writer.
/// </param>
/// <param name="Line">The line at fault, counted from 1, or null when the parser did not say.</param>
/// <param name="Column">The position in that line, counted from 1.</param>
public sealed record JsonFault(string? Path, string Reason, bool WrongKind, long? Line, long? Column)
{
    /// <summary>"line 2, position 14", or null when the parser did not say.</summary>
    public string? Position => Line is { } line ? $"line {line}, position {Column}" : null;

    public static JsonFault Of(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var path = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? null : exception.Path;
        var reason = WithoutPosition(exception.Message);
        return new JsonFault(path, reason, reason.StartsWith("The JSON value could not be converted to", StringComparison.Ordinal),
            exception.LineNumber + 1, (exception.BytePositionInLine ?? 0) + 1);
    }

    /// <summary>
    /// A parser's sentence without the place it appends (" Path: … | LineNumber: 0 | BytePositionInLine: 0.",
    /// or only " LineNumber: …", counted from 0): a message says the position once, counted from 1.
    /// </summary>
    public static string WithoutPosition(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var cut = new[] { " Path:", " LineNumber:" }
            .Select(tail => message.IndexOf(tail, StringComparison.Ordinal))
            .Where(at => at > 0)
            .DefaultIfEmpty(-1)
            .Min();
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>" (at $.lots[0])", or nothing for the document itself.</summary>
    public string At => Path is null ? "" : $" (at {Path})";
}
