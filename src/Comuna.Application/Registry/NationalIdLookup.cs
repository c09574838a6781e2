using Comuna.Domain.Common;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Registry;

/// <summary>
/// Finds a person of the census by their cédula as people write it on paper: "V-12345678",
/// "v12345678" and, when only one person has the number, "12345678". Rosters, paper ballots,
/// candidates and petition signatures are all entered this way.
/// </summary>
public static class NationalIdLookup
{
    /// <summary>The one resident of <paramref name="among"/> with this cédula, or why there is none.</summary>
    public static async Task<Result<Resident>> FindAsync(IQueryable<Resident> among, string? nationalId, CancellationToken cancellationToken)
    {
        var normalised = ResidentRules.NationalId(nationalId);
        if (!normalised.IsSuccess)
            return Error.Invalid("nationalId", normalised.Error.Message);
        var digits = new string(normalised.Value.Where(char.IsAsciiDigit).ToArray());
        var letter = char.IsAsciiLetter(normalised.Value[0]) ? normalised.Value[..1] : null;
        string[] variants = letter is null
            ? [digits, $"V{digits}", $"V-{digits}", $"E{digits}", $"E-{digits}"]
            : [$"{letter}{digits}", $"{letter}-{digits}"];
        var matches = await among.AsNoTracking().Where(r => variants.Contains(r.NationalId)).OrderBy(r => r.NationalId).Take(2).ToListAsync(cancellationToken);
        return matches.Count switch
        {
            1 => matches[0],
            0 => new Error("resident-not-in-council", $"Nobody with the national id {normalised.Value} is in this council's census.",
                ErrorKind.Validation, "nationalId"),
            _ => new Error("national-id-ambiguous", $"Two people of the census have the number {digits}: write V or E before it.",
                ErrorKind.Validation, "nationalId"),
        };
    }
}
