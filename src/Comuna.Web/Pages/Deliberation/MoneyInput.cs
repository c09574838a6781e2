using System.Globalization;
using System.Text.RegularExpressions;

namespace Comuna.Web.Pages.Deliberation;

/// <summary>
/// An amount as a person types it, into minor units (cents). Venezuelans write "1.500,50"; a
/// phone keyboard may give "1500.50": a separator followed by one or two final digits marks the
/// cents, any other separates thousands, so both read as 150 050 céntimos.
/// </summary>
public static partial class MoneyInput
{
    [GeneratedRegex(@"^(?<whole>\d{1,3}(?:[.,\s]?\d{3})*|\d+)(?:[.,](?<cents>\d{1,2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();

    public static long? ToMinorUnits(string? typed)
    {
        var match = AmountPattern().Match(typed?.Trim() ?? "");
        if (!match.Success)
            return null;
        var whole = new string(match.Groups["whole"].Value.Where(char.IsAsciiDigit).ToArray());
        var cents = match.Groups["cents"].Success ? match.Groups["cents"].Value.PadRight(2, '0') : "00";
        return long.TryParse(whole + cents, NumberStyles.None, CultureInfo.InvariantCulture, out var minor) ? minor : null;
    }
}
