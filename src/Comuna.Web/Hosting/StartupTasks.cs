using Comuna.Application.Registry.Territory;
using Comuna.Data;
using Comuna.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Hosting;

/// <summary>What runs before the first request: migrations, the territory, and the demo if asked.</summary>
public sealed class StartupTasks(ComunaDbContext db, LoadTerritory territory)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
            await SqliteEngine.UseWriteAheadLogAsync(db.Database, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await territory.ExecuteAsync(cancellationToken);
    }

    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StartupTasks>().MigrateAsync(cancellationToken);
    }
}
