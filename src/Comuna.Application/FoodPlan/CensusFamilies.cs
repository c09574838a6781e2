using Comuna.Application.Common;
using Comuna.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.FoodPlan;

/// <summary>
/// How many families a commune feeds: the households in its councils' census, and for a council
/// whose census is still empty, the families it declared when it registered.
/// </summary>
/// <param name="Counted">Families counted in the census.</param>
/// <param name="Declared">Families declared by the councils with no census yet.</param>
public sealed record CommuneFamilies(string Code, string Name, int Counted, int Declared, double? Latitude = null, double? Longitude = null)
{
    public int Families => Counted + Declared;
}

/// <summary>
/// The families of the registry's communes, for the food plan's needs (families × a basket per
/// family). Counts are public, as the registry's are; no household is named.
/// </summary>
public sealed class CensusFamilies(IComunaDb db)
{
    private static readonly char[] CodeSeparators = [',', ';', ' ', '\t', '\r', '\n'];

    /// <summary>A council's families: the households of its census, or while that is empty, the families it declared.</summary>
    public static int Of(int households, int declared) => households > 0 ? households : declared;

    /// <summary>Commune codes as a person lists them: apart by commas, semicolons, spaces or lines.</summary>
    public static IReadOnlyList<string> Codes(IEnumerable<string?> lists) =>
        [.. lists.SelectMany(list => (list ?? "").Split(CodeSeparators, StringSplitOptions.RemoveEmptyEntries))];

    /// <summary>
    /// The communes of <paramref name="codes"/> (every commune when empty), in code order; an
    /// unknown code is an error naming it.
    /// </summary>
    public async Task<Result<IReadOnlyList<CommuneFamilies>>> ExecuteAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var communes = db.Communes.AsNoTracking();
        if (codes.Count > 0)
            communes = communes.Where(c => codes.Contains(c.Code));
        var councils = await db.Councils.AsNoTracking()
            .Where(k => k.CommuneId != null && communes.Any(c => c.Id == k.CommuneId))
            .Select(k => new { k.Commune!.Code, k.DeclaredFamilies, Households = k.Households.Count })
            .ToListAsync(cancellationToken);
        var found = await communes.Select(c => new { c.Code, c.Name, c.Latitude, c.Longitude }).ToListAsync(cancellationToken);
        var missing = codes.Except(found.Select(c => c.Code), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            return Error.Invalid("communes", $"No commune in the registry has the code {string.Join(", ", missing.Select(m => $"\"{m}\""))}.");
        return Result<IReadOnlyList<CommuneFamilies>>.Success([.. found
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c =>
            {
                var own = councils.Where(k => k.Code == c.Code).ToList();
                return new CommuneFamilies(c.Code, c.Name,
                    own.Sum(k => k.Households),
                    own.Where(k => k.Households == 0).Sum(k => k.DeclaredFamilies),
                    c.Latitude, c.Longitude);
            })]);
    }
}
