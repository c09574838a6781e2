using System.Diagnostics;

namespace Comuna.Cli.Tests;

/// <summary>Runs the built <c>comuna</c> command in a process of its own and collects what it prints.</summary>
public static class ComunaProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static async Task<Outcome> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "comuna.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment.Remove("COMUNA_DATABASE");
        start.Environment.Remove("COMUNA_DATA");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new Outcome(process.ExitCode, await output, await error);
    }
}
