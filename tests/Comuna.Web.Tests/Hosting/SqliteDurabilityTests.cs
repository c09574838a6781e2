using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Hosting;

public sealed class SqliteDurabilityTests
{
    [Fact]
    public async Task EveryConnection_UsesWriteAheadLogSynchronousFullAndForeignKeys()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite);
        await using var db = database.NewContext();
        await db.Database.OpenConnectionAsync(ct);

        // synchronous: 2 is FULL, so an acknowledged write survives a power cut.
        Assert.Equal("wal", await PragmaAsync(db, "journal_mode", ct));
        Assert.Equal("2", await PragmaAsync(db, "synchronous", ct));
        Assert.Equal("1", await PragmaAsync(db, "foreign_keys", ct));
    }

    private static async Task<string> PragmaAsync(DbContext db, string name, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
