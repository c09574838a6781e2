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
            var reason = e.InnerException?.Message is { } inner ? PlanMessages.ParserReason(JsonFault.WithoutPosition(inner))
                : fault.WrongKind ? PlanMessages.Expected(PlanMessages.Term(Expected(fault.Path)))
                : PlanMessages.ParserReason(fault.Reason);
            var position = fault.Line is { } line && fault.Column is { } column ? PlanMessages.Position(line, column) : PlanMessages.Term("an unknown position");
            return (null, new PlanError("malformed-json", fault.Path is { } path
                ? PlanMessages.MalformedJsonAt(position, path, reason)
                : PlanMessages.MalformedJson(position, reason)));
        }
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
