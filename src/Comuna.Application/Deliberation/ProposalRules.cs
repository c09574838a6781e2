using Comuna.Domain.Common;

namespace Comuna.Application.Deliberation;

/// <summary>Lengths a proposal's parts may have: enough for a project's description, not a book.</summary>
internal static class ProposalRules
{
    public static Result<string> Title(string? raw) => Text("title", raw, 200);

    public static Result<string> Body(string? raw) => Text("text", raw, 10_000);

    public static Result<string> Text(string field, string? raw, int max)
    {
        var value = raw?.Trim() ?? "";
        if (value.Length == 0)
            return Error.Invalid(field, $"The {field} is missing.");
        if (value.Length > max)
            return Error.Invalid(field, $"The {field} is longer than {max} characters.");
        return value;
    }
}
