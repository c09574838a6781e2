namespace Comuna.Testing;

/// <summary>
/// <c>bench/RESULTS.md</c>, where every benchmark appends its runs: one section per benchmark, each
/// run at the end of its own section, the section made (with its introduction) the first time.
/// </summary>
public static class BenchResults
{
    /// <summary>Appends <paramref name="run"/> to the section under <paramref name="heading"/> and gives the file's path.</summary>
    public static string Append(string heading, string intro, string run)
    {
        ArgumentNullException.ThrowIfNull(heading);
        ArgumentNullException.ThrowIfNull(run);
        var path = Path.Combine(RepositoryRoot(), "bench", "RESULTS.md");
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmark results\n";
        var start = text.IndexOf(heading, StringComparison.Ordinal);
        if (start < 0)
        {
            text = text.TrimEnd() + "\n\n" + heading + "\n\n" + intro + "\n\n" + run.TrimEnd() + "\n";
        }
        else
        {
            // The run goes at the end of this section, before the next section of the file.
            var next = text.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
            var end = next < 0 ? text.Length : next;
            text = text[..end].TrimEnd() + "\n\n" + run.TrimEnd() + "\n" + (next < 0 ? "" : "\n" + text[(next + 1)..]);
        }
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The checkout the benchmark runs in: the first folder above it that holds Comuna.slnx.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Comuna.slnx")))
                    return dir.FullName;
            }
        }
        throw new InvalidOperationException("Could not find the repository (Comuna.slnx) above the current folder.");
    }
}
