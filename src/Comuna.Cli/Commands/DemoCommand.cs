using System.CommandLine;
using System.Text.Json;
using Comuna.Application.Demo;

namespace Comuna.Cli.Commands;

/// <summary><c>comuna demo [--json]</c>: loads the demo (again, harmlessly) and says what is in it.</summary>
public static class DemoCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the communes, councils and accounts as JSON." };
        var command = new Command("demo", "Load the demo communes, census and accounts.") { json };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, async (services, ct) =>
        {
            var summary = await services.GetRequiredService<SeedDemo>().ExecuteAsync(ct);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(summary, Json));
                return 0;
            }
            Console.WriteLine(summary.Created ? "Demo loaded." : "The demo was already loaded; nothing changed.");
            foreach (var commune in summary.Communes)
                Console.WriteLine($"  {commune.Name} ({commune.Code}): {commune.Councils.Count} councils, {commune.Councils.Sum(c => c.Families)} families");
            Console.WriteLine($"Accounts (password {summary.Users[0].Password}):");
            foreach (var user in summary.Users)
                Console.WriteLine($"  {user.Username,-20} {string.Join(", ", user.Roles.Select(r => r.Role))}");
            return 0;
        }, cancellationToken));
        return command;
    }
}
