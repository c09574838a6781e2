using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Tests.Common;

/// <summary>
/// Rows written in bulk (past EF Core, by linq2db) must be stored exactly as EF Core stores them —
/// a Guid as SQLite text, a date as its text, an enum by name — or EF's own queries would not find them.
/// </summary>
public sealed class InsertManyTests
{
    [Theory, BothEngines]
    public async Task ARowWrittenInBulk_IsStoredAsEfCoreStoresIt(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var db = database.NewContext();
        var council = await db.Councils.Select(c => c.Id).FirstAsync(ct);
        var household = new Household { Id = Guid.CreateVersion7(), CouncilId = council, Code = "BULK-1", Address = "Calle 1" };
        db.Households.Add(household);
        Resident Person(string id) => new()
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = household.Id,
            NationalId = id,
            FirstNames = "Ana",
            LastNames = "Pérez",
            BirthDate = new DateOnly(1990, 5, 17),
            Sex = Sex.Female,
        };
        db.Residents.Add(Person("V-90000001"));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        Assert.Equal(1, await db.InsertManyAsync([Person("V-90000002")], ct));

        // EF's own query, comparing every column as EF writes it, finds both.
        var found = await db.Residents.CountAsync(r => r.HouseholdId == household.Id && r.Household!.Code == "BULK-1"
            && r.BirthDate == new DateOnly(1990, 5, 17) && r.Sex == Sex.Female && r.FirstNames == "Ana", ct);
        Assert.Equal(2, found);
        // And the stored forms are the same, column by column.
        var stored = await db.Database.SqlQueryRaw<string>(engine == DatabaseEngine.Sqlite
                ? """SELECT typeof("Id") || '|' || typeof("HouseholdId") || '|' || "HouseholdId" || '|' || "BirthDate" || '|' || "Sex" AS "Value" FROM residents WHERE "NationalId" IN ('V-90000001', 'V-90000002')"""
                : """SELECT "HouseholdId"::text || '|' || "BirthDate"::text || '|' || "Sex" AS "Value" FROM residents WHERE "NationalId" IN ('V-90000001', 'V-90000002')""")
            .ToListAsync(ct);
        Assert.Equal(2, stored.Count);
        Assert.Equal(stored[0], stored[1]);
    }
}
