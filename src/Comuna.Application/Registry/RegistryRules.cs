using System.Text.RegularExpressions;
using Comuna.Domain.Common;
using Comuna.Domain.Registry;

namespace Comuna.Application.Registry;

/// <summary>Checks shared by the registry's forms: codes, names, territory, and a council's size.</summary>
public static partial class RegistryRules
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9\-_.]{1,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    public static Result<string> Code(string? raw)
    {
        var value = raw?.Trim() ?? "";
        if (value.Length == 0)
            return Error.Invalid("code", "The registry code is missing.");
        if (!CodePattern().IsMatch(value))
            return Error.Invalid("code", $"'{value}' is not a registry code (2 to 40 letters, digits, '-', '_' or '.').");
        return value;
    }

    public static Result<string> Name(string? raw)
    {
        var value = raw?.Trim() ?? "";
        if (value.Length == 0)
            return Error.Invalid("name", "The name is missing.");
        if (value.Length > 200)
            return Error.Invalid("name", "The name is longer than 200 characters.");
        return value;
    }

    /// <summary>A place's coordinates: both or neither, latitude within ±90°, longitude within ±180°.</summary>
    public static Error? Coordinates(double? latitude, double? longitude) => (latitude, longitude) switch
    {
        (null, null) => null,
        (null, _) or (_, null) => Error.Invalid(latitude is null ? "latitude" : "longitude", "Give both the latitude and the longitude, or neither."),
        ({ } lat, _) when !(lat is >= -90 and <= 90) => Error.Invalid("latitude", $"Latitude {lat.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not between -90 and 90."),
        (_, { } lon) when !(lon is >= -180 and <= 180) => Error.Invalid("longitude", $"Longitude {lon.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not between -180 and 180."),
        _ => null,
    };

    public static Error UnknownTerritory(int parishId) =>
        new("unknown-territory", $"There is no parish with id {parishId} in the territory.", ErrorKind.Validation, "parishId");

    /// <summary>The declared family count against the bounds of the council's kind in its rule set.</summary>
    public static Error? CheckSize(CouncilKind kind, int families, RuleSet rules)
    {
        var bounds = rules.BoundsFor(kind);
        if (bounds.Contains(families))
            return null;
        return new Error(
            "council-size-out-of-range",
            $"A {kind.ToString().ToLowerInvariant()} council has {bounds} families under {rules.Id}; {families} were declared.",
            ErrorKind.Validation,
            "declaredFamilies");
    }

    public static Result<RuleSet> Rules(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
            return RuleSets.Default;
        return RuleSets.Find(id.Trim()) is { } rules
            ? rules
            : new Error("unknown-rule-set", $"There is no rule set '{id}'; known: {string.Join(", ", RuleSets.All.Select(r => r.Id))}.", ErrorKind.Validation, "ruleSetId");
    }
}
