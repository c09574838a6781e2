using System.Globalization;

namespace Comuna.Planning.Tests.FoodPlan;

/// <summary>The CLP workers this test process has started that still run, read from Linux's /proc.</summary>
internal static class ClpWorkers
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
