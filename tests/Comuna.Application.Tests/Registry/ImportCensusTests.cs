using System.Text;
using Comuna.Application.Access;
using Comuna.Application.Registry.Census;
using Comuna.Domain.Access;
using Comuna.Domain.Common;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Tests.Registry;

public sealed class ImportCensusTests
{
    private const string Header = "household_code,national_id,first_names,last_names,birth_date,sex,address";

    /// <summary>Three new households, five people; columns in another order than the export's.</summary>
    private const string NewFamilies = """
        national_id,household_code,first_names,last_names,birth_date,sex,address
        E-80000001,T-001,Ana María,Pérez Rojas,1980-02-29,F,"Calle 5, casa 12"
        E-80000002,T-001,José,Pérez Rojas,2015-12-31,m,"Calle 5, casa 12"
        E-80000003,T-002,Luisa,Gómez,1950-01-01,F,Vereda El Río 3
        V-80000004,T-003,Pedro,Díaz,2001-07-15,M,Sector La Ceiba
        80000005,T-003,Carmen,Díaz,2003-03-03,F,Sector La Ceiba
        """;

    [Theory, BothEngines]
    public async Task Import_NewFamilies_CreatesHouseholdsAndResidentsAsWritten(DatabaseEngine engine)
    {
        await using var harness = await CensusHarness.CreateAsync(engine);
        var before = await harness.CountAllAsync();

        var result = await harness.ImportAsync(NewFamilies);

        Assert.True(result.IsSuccess, result.Error?.Message);
        var report = result.Value;
        Assert.True(report.Succeeded);
        Assert.Equal((5, 3, 0, 5, 0, 0, 0), (report.Rows, report.HouseholdsCreated, report.HouseholdsUpdated,
            report.ResidentsCreated, report.ResidentsUpdated, report.ResidentsUnchanged, report.ErrorCount));
        Assert.Equal((before.Households + 3, before.Residents + 5), await harness.CountAllAsync());

        await using var db = harness.NewContext();
        var household = await db.Households.Include(h => h.Members)
            .SingleAsync(h => h.CouncilId == harness.Council.Id && h.Code == "T-001", TestContext.Current.CancellationToken);
        Assert.Equal("Calle 5, casa 12", household.Address);
        Assert.Equal(["E-80000001", "E-80000002"], household.Members.Select(m => m.NationalId).Order());
        var jose = household.Members.Single(m => m.NationalId == "E-80000002");
        Assert.Equal(("José", "Pérez Rojas", new DateOnly(2015, 12, 31), Sex.Male), (jose.FirstNames, jose.LastNames, jose.BirthDate, jose.Sex));
    }

    [Theory, BothEngines]
    public async Task Import_SameFileTwice_SecondTimeChangesNothing(DatabaseEngine engine)
    {
        await using var harness = await CensusHarness.CreateAsync(engine);
        Assert.True((await harness.ImportAsync(NewFamilies)).Value.Succeeded);
        var afterFirst = await harness.CountAllAsync();

        var second = (await harness.ImportAsync(NewFamilies)).Value;

        Assert.True(second.Succeeded);
        Assert.Equal((5, 0, 0, 0, 0, 5), (second.Rows, second.HouseholdsCreated, second.HouseholdsUpdated,
            second.ResidentsCreated, second.ResidentsUpdated, second.ResidentsUnchanged));
        Assert.Equal(afterFirst, await harness.CountAllAsync());
    }

    [Theory, BothEngines]
    public async Task Import_ChangedNameAndAddress_UpdatesOnlyThose(DatabaseEngine engine)
    {
        await using var harness = await CensusHarness.CreateAsync(engine);
        Assert.True((await harness.ImportAsync(NewFamilies)).Value.Succeeded);
        var changed = NewFamilies.Replace("Vereda El Río 3", "Vereda El Río 4").Replace("Pedro,Díaz", "Pedro José,Díaz");

        var report = (await harness.ImportAsync(changed)).Value;

        Assert.Equal((0, 1, 0, 1, 4), (report.HouseholdsCreated, report.HouseholdsUpdated, report.ResidentsCreated, report.ResidentsUpdated, report.ResidentsUnchanged));
        await using var db = harness.NewContext();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal("Vereda El Río 4", await db.Households.Where(h => h.Code == "T-002").Select(h => h.Address).SingleAsync(ct));
        Assert.Equal("Pedro José", await db.Residents.Where(r => r.NationalId == "V-80000004").Select(r => r.FirstNames).SingleAsync(ct));
    }

    [Theory, BothEngines]
    public async Task Import_BadRows_ListsEveryOneByLineAndSavesNothing(DatabaseEngine engine)
    {
        // Before the real today, so that line 5 is in the future only by the injected clock.
        await using var harness = await CensusHarness.CreateAsync(engine, new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var elsewhere = await ResidentOfAnotherCouncilAsync(harness);
        var before = await harness.CountAllAsync();
        var csv = string.Join('\n',
            Header,
            "T-100,E-81000001,Rosa,Marín,1990-01-01,F,Calle 1",         // 2: good
            "T-100,E-81000002,,Marín,1990-01-01,F,Calle 1",             // 3: first_names missing
            "T-101,E-81000003,Juan,Marín,1990-13-01,M,Calle 2",         // 4: no 13th month
            "T-101,E-81000004,Juana,Marín,2026-07-01,F,Calle 2",        // 5: after the clock's 2026-06-01
            "T-102,E-81000005,Luis,Marín,1990-01-01,X,Calle 3",         // 6: sex X
            "T-102,E-81000001,Rosa,Marín,1990-01-01,F,Calle 3",         // 7: same person as line 2
            $"T-103,{elsewhere},Otro,Nombre,1990-01-01,M,Calle 4",      // 8: lives in another council
            "T-100,E-81000006,Eva,Marín,1990-01-01,F,Calle 99",         // 9: T-100 is at Calle 1 on line 2
            "T-104,E-81000007,Ana,Marín,1990-01-01,F,Calle 5");         // 10: good

        var result = await harness.ImportAsync(csv);

        Assert.True(result.IsSuccess, result.Error?.Message);
        var report = result.Value;
        Assert.False(report.Succeeded);
        Assert.Equal(9, report.Rows);
        Assert.Equal(7, report.ErrorCount);
        Assert.Equal(
            [
                (3, "first_names", "invalid-field"),
                (4, "birth_date", "invalid-field"),
                (5, "birth_date", "invalid-field"),
                (6, "sex", "invalid-field"),
                (7, "national_id", CensusFormat.DuplicateNationalId),
                (8, "national_id", CensusFormat.PersonInTwoHouseholds),
                (9, "address", CensusFormat.HouseholdAddressConflict),
            ],
            report.Errors.Select(e => (e.Line, e.Field, e.Code)));
        Assert.Contains("future", report.Errors.Single(e => e.Line == 5).Message, StringComparison.Ordinal);
        Assert.Contains("line 2", report.Errors.Single(e => e.Line == 7).Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), (report.HouseholdsCreated, report.ResidentsCreated, report.ResidentsUnchanged));
        Assert.Equal(before, await harness.CountAllAsync());
    }

    [Theory, BothEngines]
    public async Task Import_ErrorAfterSeveralSavedBatches_RollsBackTheWholeFile(DatabaseEngine engine)
    {
        await using var harness = await CensusHarness.CreateAsync(engine);
        var before = await harness.CountAllAsync();
        var rows = Enumerable.Range(0, 2 * ImportCensus.BatchSize + 500)
            .Select(i => $"B-{i / 4:0000},E-{82000000 + i},Nombre {i},Apellido,1970-01-01,F,Casa {i / 4}")
            .ToList();
        // The last row repeats the first person: only the whole-file memory catches it, two batches later.
        rows[^1] = rows[0];

        var report = (await harness.ImportAsync(Header + "\n" + string.Join('\n', rows))).Value;

        Assert.False(report.Succeeded);
        var error = Assert.Single(report.Errors);
        Assert.Equal((rows.Count + 1, CensusFormat.DuplicateNationalId), (error.Line, error.Code));
        Assert.Equal(before, await harness.CountAllAsync());
    }

    [Theory, BothEngines]
    public async Task Import_TenThousandRows_SavesEveryBatchAndRefreshesStatisticsOnTheWay(DatabaseEngine engine)
    {
        await using var harness = await CensusHarness.CreateAsync(engine);
        var before = await harness.CountAllAsync();
        // Past the point where the import refreshes the engine's statistics, with households of
        // three that straddle batch boundaries.
        var rows = Enumerable.Range(0, 10_000)
            .Select(i => $"L-{i / 3:00000},E-{87000000 + i},Nombre {i},Apellido,1970-01-01,{(i % 2 == 0 ? 'F' : 'M')},Casa {i / 3}");

        var report = (await harness.ImportAsync(Header + "\n" + string.Join('\n', rows))).Value;

        Assert.True(report.Succeeded, string.Join("; ", report.Errors.Take(3)));
        Assert.Equal((10_000, 3334, 10_000), (report.Rows, report.HouseholdsCreated, report.ResidentsCreated));
        Assert.Equal((before.Households + 3334, before.Residents + 10_000), await harness.CountAllAsync());
        await using var db = harness.NewContext();
        Assert.Equal(3, await db.Residents.CountAsync(r => r.Household!.Code == "L-00333", TestContext.Current.CancellationToken));
    }

    [Theory, BothEngines]
    public async Task Import_QuotedLineBreak_LaterLinesKeepTheirPhysicalNumbers(DatabaseEngine engine)
    {
        await using var harness = await CensusHarness.CreateAsync(engine);
        var csv = Header + "\r\n"
            + "T-200,E-83000001,Rosa,Marín,1990-01-01,F,\"Calle 1\nentrada B\"\r\n"
            + "\r\n"
            + "T-201,E-83000002,Luis,Marín,1990-01-01,Z,Calle 2\r\n";

        var report = (await harness.ImportAsync(csv)).Value;

        var error = Assert.Single(report.Errors);
        Assert.Equal((5, "sex"), (error.Line, error.Field));
    }

    [Theory, BothEngines]
    public async Task Import_AQuoteNeverClosed_IsNamedAtItsLine_InsteadOfSwallowingTheRowsAfterIt(DatabaseEngine engine)
    {
        await using var harness = await CensusHarness.CreateAsync(engine);
        var before = await harness.CountAllAsync();
        var csv = Header + "\n"
            + "T-300,E-84000001,Rosa,Marín,1990-01-01,F,\"Calle 1\n"
            + "T-301,E-84000002,Luis,Marín,1991-01-01,M,Calle 2\n"
            + "T-302,E-84000003,Eva,Marín,1992-01-01,F,Calle 3\n";

        var report = (await harness.ImportAsync(csv)).Value;

        Assert.False(report.Succeeded);
        var error = Assert.Single(report.Errors);
        Assert.Equal((2, "", "malformed-row"), (error.Line, error.Field, error.Code));
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await harness.CountAllAsync());
    }

    [Theory, BothEngines]
    public async Task Import_AQuoteInsideAnUnquotedField_IsKeptAsWritten_NotTakenForAQuoteNeverClosed(DatabaseEngine engine)
    {
        await using var harness = await CensusHarness.CreateAsync(engine);
        // An inch mark and a nickname, written as people write them: only a quote that opens a field quotes it.
        var csv = Header + "\n"
            + "T-310,E-84100001,Rosa,Marín,1990-01-01,F,Casa 5\" frente a la bodega\n"
            + "T-311,E-84100002,José \"Cheo\",Marín,1991-01-01,M,Calle 2\n";

        var report = (await harness.ImportAsync(csv)).Value;

        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        Assert.Equal((2, 2), (report.Rows, report.ResidentsCreated));
        await using var db = harness.NewContext();
        Assert.Equal("Casa 5\" frente a la bodega", await db.Households.Where(h => h.Code == "T-310").Select(h => h.Address).SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal("José \"Cheo\"", await db.Residents.Where(r => r.NationalId == "E-84100002").Select(r => r.FirstNames).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Theory, BothEngines]
    public async Task Import_SpreadsheetFileWithBomAndCrLf_IsRead(DatabaseEngine engine)
    {
        await using var harness = await CensusHarness.CreateAsync(engine);
        var csv = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(NewFamilies.ReplaceLineEndings("\r\n") + "\r\n")).ToArray();

        var result = await harness.ImportAsync(csv);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal((5, 5), (result.Value.Rows, result.Value.ResidentsCreated));
    }

    [Theory, BothEngines]
    public async Task Import_WrongHeader_NamesMissingAndUnknownColumnsAndSavesNothing(DatabaseEngine engine)
    {
        await using var harness = await CensusHarness.CreateAsync(engine);
        var before = await harness.CountAllAsync();

        var result = await harness.ImportAsync(
            "household_code,national_id,first_names,last_names,birth_date,gender,address\nT-300,E-84000001,Rosa,Marín,1990-01-01,F,Calle 1\n");

        Assert.False(result.IsSuccess);
        Assert.Equal(CensusFormat.BadHeader, result.Error.Code);
        Assert.Contains("missing columns: sex", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown columns: gender", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await harness.CountAllAsync());
    }

    [Theory, BothEngines]
    public async Task Import_InvalidUtf8_NamesTheLineAndSavesNothing(DatabaseEngine engine)
    {
        await using var harness = await CensusHarness.CreateAsync(engine);
        var before = await harness.CountAllAsync();
        var good = Encoding.UTF8.GetBytes(Header + "\nT-400,E-85000001,Rosa,Marín,1990-01-01,F,Calle 1\nT-400,E-85000002,Jos");
        // 0xE9 is 'é' in Latin-1: a file saved by a spreadsheet in the wrong encoding.
        var csv = good.Concat(new byte[] { 0xE9 }).Concat(Encoding.UTF8.GetBytes(",Marín,1990-01-01,M,Calle 1\n")).ToArray();

        var result = await harness.ImportAsync(csv);

        Assert.False(result.IsSuccess);
        Assert.Equal(CensusFormat.BadEncoding, result.Error.Code);
        Assert.Contains("Line 3 ", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await harness.CountAllAsync());
    }

    [Theory, BothEngines]
    public async Task ExportThenImport_DemoCouncil_ChangesNothing(DatabaseEngine engine)
    {
        await using var harness = await CensusHarness.CreateAsync(engine);
        await using var db = harness.NewContext();
        var ct = TestContext.Current.CancellationToken;
        var residents = await db.Residents.CountAsync(r => r.Household!.CouncilId == harness.Council.Id, ct);
        var households = await db.Households.CountAsync(h => h.CouncilId == harness.Council.Id && h.Members.Count > 0, ct);
        var before = await harness.CountAllAsync();

        var (exported, csv) = await harness.ExportAsync();

        Assert.True(exported.IsSuccess);
        Assert.Equal(residents, exported.Value);
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal(Header, lines[0]);
        Assert.Equal(residents + 1, lines.Length);
        var keys = lines.Skip(1).Select(l => (Household: l.Split(',')[0], NationalId: l.Split(',')[1])).ToList();
        Assert.Equal(keys.OrderBy(k => k.Household, StringComparer.Ordinal).ThenBy(k => k.NationalId, StringComparer.Ordinal), keys);

        var report = (await harness.ImportAsync(csv)).Value;

        Assert.True(report.Succeeded, string.Join("; ", report.Errors.Take(5)));
        Assert.Equal((residents, 0, 0, 0, 0, residents), (report.Rows, report.HouseholdsCreated, report.HouseholdsUpdated,
            report.ResidentsCreated, report.ResidentsUpdated, report.ResidentsUnchanged));
        Assert.True(households > 0);
        Assert.Equal(before, await harness.CountAllAsync());
    }

    [Theory, BothEngines]
    public async Task ImportAndExport_AdminOfAnotherCommune_CouncilIsNotFound(DatabaseEngine engine)
    {
        await using var harness = await CensusHarness.CreateAsync(engine);
        await using var db = harness.NewContext();
        var otherCommune = await db.Communes.Where(c => c.Id != harness.Council.CommuneId).Select(c => c.Id)
            .FirstAsync(TestContext.Current.CancellationToken);
        var admin = new Actor("admin", [new RoleAssignment { Role = Role.CommuneAdmin, CommuneId = otherCommune, UserId = "admin" }]);
        var before = await harness.CountAllAsync();

        var imported = await harness.ImportAsync(NewFamilies, admin);
        var (exported, csv) = await harness.ExportAsync(admin);

        Assert.Equal((ErrorKind.NotFound, "council-not-found"), (imported.Error?.Kind, imported.Error?.Code));
        Assert.Equal((ErrorKind.NotFound, "council-not-found"), (exported.Error?.Kind, exported.Error?.Code));
        Assert.Equal("", csv);
        Assert.Equal(before, await harness.CountAllAsync());
    }

    [Theory, BothEngines]
    public async Task Import_OversightOfTheCouncil_IsForbiddenButMayExport(DatabaseEngine engine)
    {
        await using var harness = await CensusHarness.CreateAsync(engine);
        var oversight = new Actor("oversight", [new RoleAssignment { Role = Role.Oversight, CouncilId = harness.Council.Id, UserId = "oversight" }]);

        var imported = await harness.ImportAsync(NewFamilies, oversight);
        var (exported, _) = await harness.ExportAsync(oversight);

        Assert.Equal(ErrorKind.Forbidden, imported.Error?.Kind);
        Assert.True(exported.IsSuccess);
    }

    [Theory, BothEngines]
    public async Task Import_UnknownCouncil_IsNotFound(DatabaseEngine engine)
    {
        await using var harness = await CensusHarness.CreateAsync(engine);

        var result = await harness.ImportAsync(NewFamilies, councilId: Guid.NewGuid());

        Assert.Equal("council-not-found", result.Error?.Code);
    }

    private static async Task<string> ResidentOfAnotherCouncilAsync(CensusHarness harness)
    {
        await using var db = harness.NewContext();
        return await db.Residents.Where(r => r.Household!.CouncilId != harness.Council.Id).Select(r => r.NationalId)
            .FirstAsync(TestContext.Current.CancellationToken);
    }
}
