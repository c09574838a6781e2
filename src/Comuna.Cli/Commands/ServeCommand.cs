using System.CommandLine;
using Comuna.Application.Demo;
using Comuna.Web.Hosting;

namespace Comuna.Cli.Commands;

/// <summary><c>comuna serve [--urls URL] [--demo]</c>: migrates, optionally loads the demo, and serves.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://localhost:5000" };
        var demo = new Option<bool>("--demo") { Description = "Load the demo communes and accounts first (idempotent)." };
        var command = new Command("serve", "Serve the pages and the API.") { urls, demo };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = CommandHost.OptionsFrom(parse);
            await using var app = ComunaApp.Build(options);
            await StartupTasks.RunAsync(app.Services, cancellationToken);
            if (parse.GetValue(demo))
            {
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SeedDemo>().ExecuteAsync(cancellationToken);
            }
            app.Urls.Add(parse.GetValue(urls)!);
            Console.WriteLine(options.UsesPostgres
                ? "Comuna on PostgreSQL."
                : $"Comuna on SQLite in {Path.GetFullPath(options.DataDirectory)}.");
            await app.RunAsync();
            return 0;
        });
        return command;
    }
}
