using Comuna.Domain.Common;

namespace Comuna.Web.Api;

/// <summary>Reads kebab-case enum values from requests ("yes-no-abstain", "paper-roster", "against").</summary>
public static class WireEnums
{
    /// <summary>The value, or an error naming the field and what it may be.</summary>
    public static Result<T?> Parse<T>(string? raw, string field, string expected)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(raw))
            return Error.Invalid(field, $"The field {field} is missing: {expected}.");
        return Enum.TryParse<T>(raw.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? Result<T?>.Success(value)
            : Error.Invalid(field, $"'{raw}' is not a valid {field}: {expected}.");
    }
}
