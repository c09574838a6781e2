namespace Comuna.Application.Registry.Census;

/// <summary>
/// A normalised national id (<see cref="ResidentRules.NationalId"/>) packed losslessly into a
/// long, so that remembering every id of a 1.5-million-row file costs a dictionary of longs
/// rather than of strings. Packs prefix (none, V, V-, E, E-), digit count and digits.
/// </summary>
public static class NationalIdKey
{
    private const long DigitsSpan = 100_000_000_000L; // above any 10-digit number
    private const long LengthSpan = 16;

    public static long Of(string normalised)
    {
        var prefix = 0;
        var start = 0;
        if (normalised.Length > 0 && (normalised[0] == 'V' || normalised[0] == 'E'))
        {
            var dash = normalised.Length > 1 && normalised[1] == '-';
            prefix = (normalised[0] == 'V' ? 1 : 3) + (dash ? 1 : 0);
            start = dash ? 2 : 1;
        }
        long digits = 0;
        for (var i = start; i < normalised.Length; i++)
            digits = (digits * 10) + (normalised[i] - '0');
        var length = normalised.Length - start;
        return (((prefix * LengthSpan) + length) * DigitsSpan) + digits;
    }
}
