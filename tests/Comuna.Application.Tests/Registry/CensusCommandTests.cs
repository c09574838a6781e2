using System.CommandLine;
using Comuna.Cli.Commands;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Tests.Registry;

public sealed class CensusCommandTests
{
    private const string Families = """
        household_code,national_id,first_names,last_names,birth_date,sex,address
        C-001,E-86000001,Ana,Pérez,1980-02-29,F,"Calle 5, casa 12"
        C-001,E-86000002,José,Pérez,2015-12-31,M,"Calle 5, casa 12"
        """;

    [Theory, BothEngines]
    public async Task ImportCensus_GoodFile_ExitsZeroSavesAndExportWritesItBack(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        var file = Path.Combine(database.Options.DataDirectory, "censo.csv");
        var exported = Path.Combine(database.Options.DataDirectory, "export.csv");
        await File.WriteAllTextAsync(file, Families, TestContext.Current.CancellationToken);

        var (importCode, importOut, _) = await RunAsync(database, "import", "census", file, "--council", CensusHarness.CouncilCode);
        var (exportCode, _, _) = await RunAsync(database, "export", "census", "--council", CensusHarness.CouncilCode, "--output", exported);

        Assert.Equal(0, importCode);
        Assert.Contains("residents 2 created", importOut, StringComparison.Ordinal);
        Assert.Equal(0, exportCode);
        var lines = await File.ReadAllLinesAsync(exported, TestContext.Current.CancellationToken);
        Assert.Contains("C-001,E-86000002,José,Pérez,2015-12-31,M,\"Calle 5, casa 12\"", lines);
        await using var db = database.NewContext();
        Assert.Equal(lines.Length - 1, await db.Residents.CountAsync(
            r => r.Household!.Council!.Code == CensusHarness.CouncilCode, TestContext.Current.CancellationToken));
    }

    [Theory, BothEngines]
    public async Task ImportCensus_BadRow_ExitsNonZeroNamingTheLineAndSavesNothing(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        var file = Path.Combine(database.Options.DataDirectory, "censo.csv");
        await File.WriteAllTextAsync(file, Families + "\nC-002,E-86000003,Luis,Pérez,1990-01-01,X,Calle 6\n", TestContext.Current.CancellationToken);

        var (code, _, errors) = await RunAsync(database, "import", "census", file, "--council", CensusHarness.CouncilCode);

        Assert.Equal(2, code); // bad input, as every command
        Assert.Contains("Nothing was imported: 1 problem in 3 rows.", errors, StringComparison.Ordinal);
        Assert.Contains("line 4 sex:", errors, StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.False(await db.Residents.AnyAsync(r => r.NationalId == "E-86000001", TestContext.Current.CancellationToken));
    }

    [Theory, BothEngines]
    public async Task ImportCensus_UnknownCouncilCode_ExitsNonZero(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        var file = Path.Combine(database.Options.DataDirectory, "censo.csv");
        await File.WriteAllTextAsync(file, Families, TestContext.Current.CancellationToken);

        var (code, _, errors) = await RunAsync(database, "import", "census", file, "--council", "NO-SUCH-COUNCIL");

        Assert.Equal(2, code);
        Assert.Contains("NO-SUCH-COUNCIL", errors, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(TestDatabase database, params string[] arguments)
    {
        var engineArguments = database.CommandLine;
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await ComunaCommand.Create().Parse([.. arguments, .. engineArguments])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = errors }, TestContext.Current.CancellationToken);
        return (code, output.ToString(), errors.ToString());
    }
}
