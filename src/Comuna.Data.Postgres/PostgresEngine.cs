using Microsoft.EntityFrameworkCore;

namespace Comuna.Data.Postgres;

/// <summary>Comuna on PostgreSQL, for a national or regional installation.</summary>
public static class PostgresEngine
{
    public static DbContextOptionsBuilder UseComunaPostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql
            .MigrationsAssembly(typeof(PostgresEngine).Assembly.GetName().Name));
}
