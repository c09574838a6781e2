using System.Globalization;

namespace Comuna.Domain.Registry;

/// <summary>
/// Whether a council's census fits the bounds of its rule set. A council that falls outside is
/// shown with the rule it breaks, never hidden or rejected silently: a rural council that lost
/// families to migration is still a council, and its assembly should know.
/// </summary>
public sealed record CensusHealth(int Families, FamilyBounds Bounds, string RuleSetId)
{
    public bool WithinBounds => Bounds.Contains(Families);

    public static CensusHealth Of(CouncilKind kind, int families, RuleSet rules) =>
        new(families, rules.BoundsFor(kind), rules.Id);

    /// <summary>The rule broken, in words, or null when the census fits.</summary>
    public string? BrokenRule => BrokenRuleText?.ToString(CultureInfo.InvariantCulture);

    /// <summary><see cref="BrokenRule"/> as its template and values, for a page to say it in its language.</summary>
    public FormattableString? BrokenRuleText => WithinBounds
        ? null
        : (FormattableString)$"{RuleSetId}: {Families} families, outside the bounds {Bounds}";
}
