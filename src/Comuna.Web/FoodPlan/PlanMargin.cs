using System.Globalization;
using Comuna.Planning.FoodPlan;

namespace Comuna.Web.FoodPlan;

/// <summary>
/// How close to the optimum a plan must be proven before it ends, as the pages and the API take
/// it: nothing (the proof of the optimum, the default) or a share of the objective, written with
/// a point (<c>0.001</c> for 0.1 %). A plan proven within a wider margin than
/// <see cref="PlanStatus.OptimalGap"/> ends as <see cref="PlanStatus.WithinGap"/>: on a national
/// plan, in about a minute rather than many.
/// </summary>
public static class PlanMargin
{
    /// <summary>What the pages offer beside the proof of the optimum: 0.1 % and 1 %.</summary>
    public static IReadOnlyList<string> Offered { get; } = ["0.001", "0.01"];

    /// <summary>The message for a margin that is not a share above 0 and below 1.</summary>
    public const string Refusal = "A margin is a share above 0 and below 1, as 0.001 for 0.1 %.";

    /// <summary>Whether <paramref name="share"/> can be a margin: above 0 and below 1.</summary>
    public static bool IsShare(double share) => share is > 0 and < 1;

    /// <summary>
    /// Reads <paramref name="text"/>: true with null for none (the proof of the optimum), true with
    /// the share for a number above 0 and below 1, false for anything else.
    /// </summary>
    public static bool TryParse(string? text, out double? margin)
    {
        margin = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) || !IsShare(share))
            return false;
        margin = share;
        return true;
    }

    /// <summary>The solver's options with <paramref name="margin"/> as the gap it stops at (none: the default, which proves the optimum).</summary>
    public static FlowSolver.Options Apply(FlowSolver.Options options, double? margin)
    {
        ArgumentNullException.ThrowIfNull(options);
        return margin is { } share ? options with { RelativeGap = share } : options;
    }

    /// <summary>A margin as people read it: 0.001 is "0.1 %" (in the culture's own digits).</summary>
    public static string Percent(string offered) => Percent(double.Parse(offered, CultureInfo.InvariantCulture));

    /// <inheritdoc cref="Percent(string)"/>
    public static string Percent(double share) => (share * 100).ToString("0.###", CultureInfo.CurrentCulture) + " %";

    /// <summary>A margin as the form sends it back: 0.001 is "0.001" (null: none).</summary>
    public static string? Offer(double? share) => share?.ToString("R", CultureInfo.InvariantCulture);
}
