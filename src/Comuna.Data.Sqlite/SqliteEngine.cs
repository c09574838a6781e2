using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

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

    /// <summary>Puts the file in write-ahead-log mode: readers never wait for the writer. The mode is
    /// stored in the file, so once per start is enough, not once per connection.</summary>
    public static Task UseWriteAheadLogAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

    /// <summary>Sets the pragmas that belong to each connection, every time one opens.</summary>
    private sealed class DurabilityPragmas : DbConnectionInterceptor
    {
        // Per-connection settings only; the write-ahead log is a setting of the file, made once at start.
        private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

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
