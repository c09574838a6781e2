using System.Globalization;

namespace Comuna.Testing;

/// <summary>
/// The food planner's CLP workers (comuna-clp) that this test process started and that still run,
/// read from Linux's /proc. Comuna.Planning.Tests compiles this file too, without the rest of the fixtures.
/// </summary>
public static class ClpWorkers
{
    public static IReadOnlyList<int> Running()
    {
        var me = Environment.ProcessId;
        var running = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                continue;
            try
            {
                // /proc/<id>/stat: "id (name) state parent …"; the name may hold spaces, not ')'.
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var commandLine = File.ReadAllText(Path.Combine(folder, "cmdline"));
                if (fields[0] != "Z" && int.Parse(fields[1], CultureInfo.InvariantCulture) == me && commandLine.Contains("comuna-clp.dll", StringComparison.Ordinal))
                    running.Add(id);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // It ended while being read.
            }
        }
        return running;
    }
}
