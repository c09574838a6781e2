using System.CommandLine;
using Comuna.Web.Hosting;

namespace Comuna.Cli.Commands;

/// <summary>
/// Runs a use case from the command line inside the same composition the web app uses, so the
/// command line and the pages can never disagree on a rule.
/// </summary>
public static class CommandHost
{
    public static ComunaOptions OptionsFrom(ParseResult parse) =>
        ComunaOptions.FromEnvironment(parse.GetValue(ComunaCommand.Data), parse.GetValue(ComunaCommand.Database));

    /// <summary>Migrates, then runs <paramref name="work"/> in a fresh scope of the app's services.</summary>
    public static async Task<int> RunAsync(
        ParseResult parse, Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        await using var app = ComunaApp.Build(OptionsFrom(parse));
        await StartupTasks.RunAsync(app.Services, cancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider, cancellationToken);
    }
}
