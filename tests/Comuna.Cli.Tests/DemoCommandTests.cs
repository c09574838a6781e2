using System.Text.Json;

namespace Comuna.Cli.Tests;

public sealed class DemoCommandTests
{
    [Theory, BothEngines]
    public async Task DemoJson_Twice_DescribesTheSameDataAndCreatesNothingTheSecondTime(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine);
        string[] arguments = ["demo", "--json", .. database.CommandLine];

        var first = await ComunaProcess.RunAsync(arguments, ct);
        var second = await ComunaProcess.RunAsync(arguments, ct);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        var one = JsonDocument.Parse(first.Output).RootElement;
        var two = JsonDocument.Parse(second.Output).RootElement;
        Assert.True(one.GetProperty("created").GetBoolean());
        Assert.False(two.GetProperty("created").GetBoolean());
        Assert.Equal(one.GetProperty("communes").ToString(), two.GetProperty("communes").ToString());

        var communes = one.GetProperty("communes").EnumerateArray().ToList();
        Assert.Equal(["Panal 2021", "Altos de Lídice", "El Maizal", "Tierra Fértil"], communes.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(8, communes[0].GetProperty("councils").GetArrayLength());
        Assert.Equal(3600, communes[0].GetProperty("councils").EnumerateArray().Sum(c => c.GetProperty("families").GetInt32()));
        Assert.All(communes[2].GetProperty("councils").EnumerateArray(), c =>
            Assert.InRange(c.GetProperty("families").GetInt32(), 20, 50));

        var users = one.GetProperty("users").EnumerateArray().ToList();
        var roles = users.SelectMany(u => u.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("role").GetString())).ToHashSet();
        Assert.Superset(new HashSet<string?> { "resident", "spokesperson", "finance", "oversight", "commune-admin", "national-coordinator" }, roles);
        Assert.All(users, u => Assert.Equal("comuna-demo-2026", u.GetProperty("password").GetString()));
    }

    [Fact]
    public async Task Migrate_OnAnEmptyFolder_CreatesTheDatabaseWithTheTerritory()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Path.Combine(Path.GetTempPath(), "comuna-tests", $"cli-{Guid.NewGuid():N}");

        var outcome = await ComunaProcess.RunAsync(["migrate", "--data", folder], ct);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.True(File.Exists(Path.Combine(folder, "comuna.db")));
        var options = new Comuna.Web.Hosting.ComunaOptions { DataDirectory = folder };
        await using var db = Comuna.Web.Hosting.DatabaseRegistration.CreateContext(options);
        Assert.Equal(24, db.FederalEntities.Count());
        Assert.Equal(335, db.Municipalities.Count());
        Assert.Equal(1139, db.Parishes.Count());
    }
}
