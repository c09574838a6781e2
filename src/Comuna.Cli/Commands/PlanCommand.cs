using System.CommandLine;
using System.Globalization;
using Comuna.Planning.FoodPlan;
using Spectre.Console;

namespace Comuna.Cli.Commands;

/// <summary>
/// <c>comuna plan --input plan.json --output result.json [--policy production-first|import-first]</c>:
/// plans the period's food from a JSON file, writes the result, and prints both policies side by
/// side. Exits 0 when the plan is proven optimal, 1 when the solver stopped short, 2 on bad input
/// (the message names the offending entry). Needs no database.
/// </summary>
public static class PlanCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "The plan's inputs (JSON: products, places, lots, needs, routes, imports, penalties).", Required = true };
        var output = new Option<FileInfo>("--output") { Description = "Where to write the result (JSON).", Required = true };
        var policy = new Option<string>("--policy") { Description = "production-first (default) or import-first.", DefaultValueFactory = _ => "production-first" };
        policy.AcceptOnlyFromAmong("production-first", "import-first");
        var command = new Command("plan", "Plan the food of a period: domestic produce first, imports last.") { input, output, policy };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var errors = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(input)!;
            if (!path.Exists)
            {
                await errors.WriteLineAsync($"No file {path.FullName}.");
                return 2;
            }
            var chosen = FoodPlanner.ParsePolicy(parse.GetValue(policy))!.Value;
            var json = await File.ReadAllTextAsync(path.FullName, cancellationToken);
            var (result, problems) = FoodPlanner.PlanFromJson(json, chosen);
            if (result is null)
            {
                await errors.WriteLineAsync($"{path.Name}: {problems.Count} error(s) in the input.");
                foreach (var problem in problems)
                    await errors.WriteLineAsync($"  {problem.Message}");
                return 2;
            }
            var target = parse.GetValue(output)!;
            if (target.Directory is { Exists: false } folder)
                folder.Create();
            await File.WriteAllTextAsync(target.FullName, PlanJson.WriteResult(result), cancellationToken);
            Print(result, target);
            return result.Status == "optimal" ? 0 : 1;
        });
        return command;
    }

    private static void Print(PlanResult result, FileInfo target)
    {
        var inv = CultureInfo.InvariantCulture;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        console.Profile.Width = Math.Max(console.Profile.Width, 120);
        console.MarkupLine(string.Create(inv,
            $"Plan {Markup.Escape(result.Policy)}: [bold]{Markup.Escape(result.Status)}[/], objective {result.Objective:N2}, bound {result.Bound:N2} (gap {result.Gap:E1}), {result.Summary.Statistics.Seconds:F2} s."));
        var table = new Table().AddColumns("policy", "domestic lost", "imports needed", "unmet", "cost", "objective");
        foreach (var totals in result.Summary.Comparison)
            table.AddRow(totals.Policy, totals.DomesticLost.ToString("N2", inv), totals.ImportsNeeded.ToString("N2", inv),
                totals.UnmetTotal.ToString("N2", inv), totals.Cost.ToString("N2", inv), totals.Objective.ToString("N2", inv));
        console.Write(table);
        console.MarkupLine(string.Create(inv, $"{result.Shipments.Count} shipments, {result.Imports.Count} imports written to {Markup.Escape(target.FullName)}."));
    }
}
