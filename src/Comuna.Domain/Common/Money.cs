using System.Globalization;
using System.Text.RegularExpressions;

namespace Comuna.Domain.Common;

/// <summary>
/// An amount of one currency, in minor units (céntimos, cents): integers only, so no rounding ever
/// creeps into the books, and never converted silently from one currency to another.
/// </summary>
public readonly partial record struct Money(long Minor, string Currency)
{
    /// <summary>VES, USD, or a communal currency's code: 3 to 8 capital letters.</summary>
    [GeneratedRegex("^[A-Z]{3,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();

    public static bool IsCurrencyCode(string? code) => code is not null && CurrencyPattern().IsMatch(code);

    /// <summary>"1.234,50 VES" for people; two decimals, as bolívares and dollars are written.</summary>
    public override string ToString() =>
        $"{(Minor / 100m).ToString("N2", CultureInfo.GetCultureInfo("es-VE"))} {Currency}";
}
