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
        services.AddDbContext<ComunaDbContext>(builder => Configure(builder, options));
        services.AddScoped<IComunaDb>(sp => sp.GetRequiredService<ComunaDbContext>());
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, ComunaOptions options)
    {
        if (options.UsesPostgres)
        {
            builder.UseComunaPostgres(options.DatabaseConnectionString!);
        }
        else
        {
            Directory.CreateDirectory(options.DataDirectory);
            builder.UseComunaSqlite(SqliteEngine.ConnectionStringFor(options.DataDirectory));
        }
    }

    /// <summary>A context outside any web request, for the command line and for tests.</summary>
    public static ComunaDbContext CreateContext(ComunaOptions options)
    {
        var builder = new DbContextOptionsBuilder<ComunaDbContext>();
        Configure(builder, options);
        return new ComunaDbContext(builder.Options);
    }
}
