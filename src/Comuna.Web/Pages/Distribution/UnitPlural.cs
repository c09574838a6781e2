using System.Globalization;

namespace Comuna.Web.Pages.Distribution;

/// <summary>
/// The unit a round counts, as the council typed it ("caja", "bombona", "saco de 10 kg", "kg"), in
/// the plural when its number asks for it, so the page says "300 bombonas" rather than "300 bombona".
/// The unit is typed in Spanish whatever the reader's language, so Spanish rules apply: the first
/// word takes "s" after a vowel and "es" after a consonant ("camión" → "camiones", "luz" → "luces");
/// an abbreviation — no vowel, a dot, capitals or two letters at most ("kg", "L", "CLAP") — and a
/// word already ending in "s" or "x" stay as typed, since guessing there would misspell.
/// </summary>
public static class UnitPlural
{
    /// <summary>The count in the reader's culture (group separators) followed by the unit in its number.</summary>
    public static string Amount(long count, string unit) =>
        $"{count.ToString("N0", CultureInfo.CurrentCulture)} {Of(unit, count)}";

    public static string Of(string unit, long count)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (count == 1 || unit.Length == 0)
            return unit;
        var space = unit.IndexOf(' ', StringComparison.Ordinal);
        var word = space < 0 ? unit : unit[..space];
        return Plural(word) + (space < 0 ? "" : unit[space..]);
    }

    private static string Plural(string word)
    {
        if (word.Length <= 2 || word.Contains('.', StringComparison.Ordinal) || !word.Any(IsVowel) || (word.Any(char.IsUpper) && word.ToUpperInvariant() == word))
            return word;
        var last = char.ToLowerInvariant(word[^1]);
        if (last is 's' or 'x' || !char.IsLetter(last))
            return word;
        if (IsVowel(last))
            return word + "s";
        if (last == 'z')
            return word[..^1] + "ces";
        // An accent on the last syllable falls away in the plural: "camión" → "camiones".
        var stem = word[..^1];
        var unaccented = stem.Length > 0 ? Unaccented(stem[^1]) : '\0';
        if (unaccented != '\0')
            stem = stem[..^1] + unaccented;
        return stem + word[^1] + "es";
    }

    private static bool IsVowel(char c) => "aeiouáéíóúAEIOUÁÉÍÓÚ".Contains(c, StringComparison.Ordinal);

    private static char Unaccented(char c) => c switch
    {
        'á' => 'a',
        'é' => 'e',
        'í' => 'i',
        'ó' => 'o',
        'ú' => 'u',
        _ => '\0',
    };
}
