using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Comuna.Data.Sqlite;

/// <summary>
/// Comuna on one SQLite file: write-ahead logging so readers never wait for the writer, and
/// <c>synchronous=FULL</c> so that a write acknowledged is a write that survives a power cut.
/// </summary>
public static class SqliteEngine
{
    public const string FileName = "comuna.db";

    public static string ConnectionStringFor(string dataDirectory) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, FileName),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        // Seconds a writer waits for another writer's lock before giving up.
        DefaultTimeout = 30,
    }.ToString();

    public static DbContextOptionsBuilder UseComunaSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteEngine).Assembly.GetName().Name))
            .AddInterceptors(new DurabilityPragmas());

    /// <summary>Sets the pragmas that belong to each connection, every time one opens.</summary>
    private sealed class DurabilityPragmas : DbConnectionInterceptor
    {
        private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(
            DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
