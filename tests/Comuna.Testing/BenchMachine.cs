using System.Runtime.InteropServices;

namespace Comuna.Testing;

/// <summary>The machine a benchmark ran on, and how busy it was: the same code measures very differently under load.</summary>
public static class BenchMachine
{
    /// <summary>The machine, as a benchmark's report opens with it; call it at the end of the run, for the load during it.</summary>
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024.0 / 1024.0;
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        return FormattableString.Invariant(
            $"Machine: {cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores, {memory:N1} GiB; ")
            + $"{RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}; load average at the end {load}; "
            + "shared with other builds, so compare ratios.";
    }
}
