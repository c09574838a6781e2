using System.Globalization;
using Comuna.Domain.Registry;
using Comuna.Testing;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Bench.Ballots;

/// <summary>
/// A council of Panal 2021 large enough for every voter of the bench: the demo's councils have
/// about 1,100 eligible residents each, the issue speaks of 3,600 voters in one vote. Written
/// straight through the context (not timed), three adults aged 20 to 70 per household, so that
/// every resident is eligible and <c>admin.panal</c>, the commune's admin, runs its assembly.
/// </summary>
internal static class BenchCouncil
{
    public const string Code = "DC-PANAL2021-CC99";
    private const string PanalCode = "COM-DC-PANAL2021";
    private const int AdultsPerHousehold = 3;

    /// <summary>Adds the council and returns its id and its residents' ids, all eligible.</summary>
    public static async Task<(Guid CouncilId, List<Guid> Residents)> AddAsync(TestDatabase database, int voters)
    {
        await using var db = database.NewContext();
        var panal = await db.Communes.AsNoTracking().SingleAsync(c => c.Code == PanalCode);
        var families = (voters + AdultsPerHousehold - 1) / AdultsPerHousehold;
        var council = new CommunalCouncil
        {
            Id = Guid.CreateVersion7(),
            Code = Code,
            Name = "Consejo Comunal Banco de Pruebas",
            Kind = CouncilKind.Urban,
            ParishId = panal.ParishId,
            CommuneId = panal.Id,
            DeclaredFamilies = families,
            RuleSetId = RuleSets.Default.Id,
        };
        // A fixed seed: every run has the same census, so runs differ only in what is measured.
        var random = new Random(2021);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var residents = new List<Guid>(voters);
        for (var f = 0; f < families; f++)
        {
            var household = new Household
            {
                Id = Guid.CreateVersion7(),
                CouncilId = council.Id,
                Code = $"F{f + 1:00000}",
                Address = $"Bloque {(f / 40) + 1}, piso {(f % 40 / 4) + 1}, apto {(f % 4) + 1}",
            };
            for (var m = 0; m < AdultsPerHousehold && residents.Count < voters; m++)
            {
                var resident = new Resident
                {
                    Id = Guid.CreateVersion7(),
                    HouseholdId = household.Id,
                    // Far above the demo's cédulas (20 to 20.4 million), so none collides.
                    NationalId = string.Create(CultureInfo.InvariantCulture, $"V{90_000_000 + residents.Count}"),
                    FirstNames = m % 2 == 0 ? "María" : "José",
                    LastNames = $"Votante {residents.Count + 1}",
                    BirthDate = today.AddYears(-random.Next(20, 71)).AddDays(-random.Next(0, 365)),
                    Sex = m % 2 == 0 ? Sex.Female : Sex.Male,
                };
                household.Members.Add(resident);
                residents.Add(resident.Id);
            }
            council.Households.Add(household);
        }
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Councils.Add(council);
        await db.SaveChangesAsync();
        return (council.Id, residents);
    }
}
