using Comuna.Application.Common;
using Comuna.Data;
using Comuna.Data.Postgres;
using Comuna.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Hosting;

/// <summary>Chooses the engine: PostgreSQL when a connection string is given, else the SQLite file.</summary>
public static class DatabaseRegistration
{
    public static IServiceCollection AddComunaDatabase(this IServiceCollection services, ComunaOptions options)
    {
        // Decided once per process, not per request: the engine, the folder, the connection string. The
        // contexts are pooled: building one per request (its options, its services) cost a busy server
        // about 6% of its CPU in a profile of the transfers benchmark.
        var configure = Configurer(options);
        services.AddDbContextPool<ComunaDbContext>(configure);
        services.AddScoped<IComunaDb>(sp => sp.GetRequiredService<ComunaDbContext>());
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, ComunaOptions options) => Configurer(options)(builder);

    private static Action<DbContextOptionsBuilder> Configurer(ComunaOptions options)
    {
        if (options.UsesPostgres)
        {
            var connectionString = options.DatabaseConnectionString!;
            return builder => builder.UseComunaPostgres(connectionString);
        }
        Directory.CreateDirectory(options.DataDirectory);
        var sqlite = SqliteEngine.ConnectionStringFor(options.DataDirectory);
        return builder => builder.UseComunaSqlite(sqlite);
    }

    /// <summary>A context outside any web request, for the command line and for tests.</summary>
    public static ComunaDbContext CreateContext(ComunaOptions options)
    {
        var builder = new DbContextOptionsBuilder<ComunaDbContext>();
        Configure(builder, options);
        return new ComunaDbContext(builder.Options);
    }
}
