namespace Comuna.Web.Hosting;

/// <summary>
/// How one Comuna process is set up. SQLite in <see cref="DataDirectory"/> unless
/// <see cref="DatabaseConnectionString"/> names a PostgreSQL server.
/// </summary>
public sealed record ComunaOptions
{
    /// <summary>Environment variable for the data folder of the SQLite file.</summary>
    public const string DataVariable = "COMUNA_DATA";

    /// <summary>Environment variable (and config key <c>COMUNA_DATABASE</c>) for a PostgreSQL connection string.</summary>
    public const string DatabaseVariable = "COMUNA_DATABASE";

    public string DataDirectory { get; init; } = DefaultDataDirectory();

    public string? DatabaseConnectionString { get; init; }

    /// <summary>Load the demo communes and accounts at start (the README's run command does).</summary>
    public bool SeedDemo { get; init; }

    /// <summary>The largest census file the web accepts, in bytes.</summary>
    public long MaxCensusUploadBytes { get; init; } = 256L * 1024 * 1024;

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(DatabaseConnectionString);

    /// <summary><c>COMUNA_DATA</c> when set, else <c>./data</c> under the current folder.</summary>
    public static string DefaultDataDirectory() =>
        Environment.GetEnvironmentVariable(DataVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(Directory.GetCurrentDirectory(), "data");

    /// <summary>Reads the environment for anything the command line did not set.</summary>
    public static ComunaOptions FromEnvironment(string? dataDirectory = null, string? database = null) => new()
    {
        DataDirectory = dataDirectory ?? DefaultDataDirectory(),
        DatabaseConnectionString = database ?? Environment.GetEnvironmentVariable(DatabaseVariable),
    };
}
