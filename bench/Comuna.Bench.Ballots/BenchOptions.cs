using System.Globalization;
using Comuna.Testing;

namespace Comuna.Bench.Ballots;

/// <summary>What to run: which engines, how many voters, which concurrency limits, and whether to record.</summary>
internal sealed record BenchOptions(IReadOnlyList<DatabaseEngine> Engines, int Voters, IReadOnlyList<int?> Limits, bool Record)
{
    public const string Usage =
        "dotnet run -c Release --project bench/Comuna.Bench.Ballots -- [--engine sqlite|postgres|both] [--voters N] [--limits unlimited,64,16] [--no-record]";

    /// <summary>All N handed to the client at once, then 64 and 16 in flight at most.</summary>
    public static readonly IReadOnlyList<int?> DefaultLimits = [null, 64, 16];

    /// <summary>The options, or null with the reason written to standard error.</summary>
    public static BenchOptions? Parse(string[] args)
    {
        IReadOnlyList<DatabaseEngine> engines = [DatabaseEngine.Sqlite, DatabaseEngine.Postgres];
        var voters = 3600;
        var limits = DefaultLimits;
        var record = true;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--engine":
                    engines = value switch
                    {
                        "sqlite" => [DatabaseEngine.Sqlite],
                        "postgres" => [DatabaseEngine.Postgres],
                        "both" => [DatabaseEngine.Sqlite, DatabaseEngine.Postgres],
                        _ => [],
                    };
                    if (engines.Count == 0)
                        return Fail($"--engine takes sqlite, postgres or both, not '{value}'.");
                    i++;
                    break;
                case "--voters":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out voters) || voters < 1)
                        return Fail($"--voters takes a positive whole number, not '{value}'.");
                    i++;
                    break;
                case "--limits":
                    var parsed = ParseLimits(value);
                    if (parsed is null)
                        return Fail($"--limits takes a comma-separated list of positive numbers or 'unlimited', not '{value}'.");
                    limits = parsed;
                    i++;
                    break;
                case "--no-record":
                    record = false;
                    break;
                default:
                    return Fail($"Unknown argument '{args[i]}'.");
            }
        }
        return new BenchOptions(engines, voters, limits, record);
    }

    public static string Describe(int? limit) => limit is { } l ? l.ToString(CultureInfo.InvariantCulture) : "unlimited";

    private static List<int?>? ParseLimits(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var limits = new List<int?>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "unlimited")
                limits.Add(null);
            else if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
                limits.Add(n);
            else
                return null;
        }
        return limits.Count == 0 ? null : limits;
    }

    private static BenchOptions? Fail(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine(Usage);
        return null;
    }
}
