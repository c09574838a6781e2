using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Comuna.Planning.FoodPlan;

/// <summary>Reads a plan's input and writes its result in the JSON of the <c>comuna plan</c> contract.</summary>
public static class PlanJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>
    /// Parses the input; malformed JSON (or a value of the wrong type) is an error that says the
    /// line, the position in the line and the path of the value at fault.
    /// </summary>
    public static (PlanInput? Input, PlanError? Error) ReadInput(string json)
    {
        try
        {
            var input = JsonSerializer.Deserialize<PlanInput>(json, Options);
            return input is null
                ? (null, new PlanError("malformed-json", PlanMessages.InputNull()))
                : (input, null);
        }
        catch (JsonException e)
        {
            var fault = JsonFault.Of(e);
            // The parser's own sentences are English only; what this class words itself is said in the page's language too.
            // Text where a number belongs ("ocho", "12,5") the parser reads as a number and fails with a sentence about
            // .NET's doubles: the writer is told what they wrote instead.
            var reason = e.InnerException is FormatException && Written(json, e) is { } written ? PlanMessages.NotANumberValue(written)
                : e.InnerException?.Message is { } inner ? PlanMessages.ParserReason(JsonFault.WithoutPosition(inner))
                : fault.WrongKind ? PlanMessages.Expected(PlanMessages.Term(Expected(fault.Path)))
                : PlanMessages.ParserReason(fault.Reason);
            var position = fault.Line is { } line && fault.Column is { } column ? PlanMessages.Position(line, column) : PlanMessages.Term("an unknown position");
            return (null, new PlanError("malformed-json", fault.Path is { } path
                ? PlanMessages.MalformedJsonAt(position, path, reason)
                : PlanMessages.MalformedJson(position, reason)));
        }
    }

    /// <summary>
    /// The value as written that the parser stopped just after (<paramref name="fault"/>'s line and byte
    /// in it): a string without its quotes, or whatever else stands there; null when the position is not in the text.
    /// </summary>
    private static string? Written(string json, JsonException fault)
    {
        var lines = json.Split('\n');
        if (fault.LineNumber is not { } line || line >= lines.Length || fault.BytePositionInLine is not { } end)
            return null;
        var bytes = Encoding.UTF8.GetBytes(lines[line]);
        if (end <= 0 || end > bytes.Length)
            return null;
        var before = Encoding.UTF8.GetString(bytes, 0, (int)end);
        if (before.EndsWith('"'))
        {
            var open = before.Length - 2;
            while (open >= 0 && (before[open] != '"' || (open > 0 && before[open - 1] == '\\')))
                open--;
            return open < 0 ? null : before[(open + 1)..^1];
        }
        var start = before.AsSpan().LastIndexOfAny(" \t:,[{") + 1;
        return start < before.Length ? before[start..] : null;
    }

    public static string WriteResult(PlanResult result) => JsonSerializer.Serialize(result, Options);

    /// <summary>Reads back a result this class wrote.</summary>
    public static PlanResult ReadResult(string json) =>
        JsonSerializer.Deserialize<PlanResult>(json, Options) ?? throw new JsonException("The result is null.");

    public static string WriteInput(PlanInput input) => JsonSerializer.Serialize(input, Options);

    /// <summary>
    /// What belongs at <paramref name="path"/> when a value of another kind stands there: the whole
    /// input and each entry are objects, the six tables are lists.
    /// </summary>
    private static string Expected(string? path)
    {
        if (path is null)
            return "an object with products, places, lots, needs, routes, imports and penalties";
        var last = path[(path.LastIndexOf('.') + 1)..];
        return last.EndsWith(']') || last == "penalties"
            ? "an object"
            : last is "products" or "places" or "lots" or "needs" or "routes" or "imports"
                ? "a list (in [ ])"
                : "a value of another kind";
    }
}
