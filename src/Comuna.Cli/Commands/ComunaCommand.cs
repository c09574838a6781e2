using System.CommandLine;

namespace Comuna.Cli.Commands;

/// <summary>The root of the <c>comuna</c> command and the options every subcommand shares.</summary>
public static class ComunaCommand
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Folder of the SQLite file and keys (default: $COMUNA_DATA, else ./data).",
        Recursive = true,
    };

    public static readonly Option<string?> Database = new("--database")
    {
        Description = "PostgreSQL connection string (default: $COMUNA_DATABASE); without it Comuna uses SQLite.",
        Recursive = true,
    };

    public static RootCommand Create()
    {
        var root = new RootCommand("Comuna: free software for communal self-government.");
        root.Options.Add(Data);
        root.Options.Add(Database);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(CensusCommands.CreateImport());
        root.Subcommands.Add(CensusCommands.CreateExport());
        root.Subcommands.Add(PlanCommand.Create());
        return root;
    }
}
