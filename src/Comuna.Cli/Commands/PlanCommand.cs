using System.CommandLine;
using System.Globalization;
using Comuna.Application.FoodPlan;
using Comuna.Planning.FoodPlan;
using Comuna.Web.FoodPlan;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Comuna.Cli.Commands;

/// <summary>
/// <c>comuna plan --input plan.json --output result.json [--policy production-first|import-first]
/// [--basket basket.txt [--communes CODE,…]]</c>: plans the period's food from a JSON file, writes
/// the result, and prints both policies side by side. With a basket, the registry's communes
/// (all, or those listed) need their families × the basket (<see cref="CensusNeeds"/>), read from
/// the database of <c>--data</c>/<c>--database</c>; without one, no database is opened.
/// <c>--time-limit SECONDS</c> bounds each policy's plan and <c>--gap SHARE</c> accepts a plan
/// proven within that share of its objective (the default proves the optimum); <c>--verbose</c>
/// says how the solve goes, on the error stream.
/// Exits 0 when the plan is proven (optimal, or within the gap asked for), 1 when the solver
/// stopped short, 2 on bad input (the message names the offending entry).
/// </summary>
public static class PlanCommand
{
    /// <summary>A day: more is a mistake, not a plan anyone waits for.</summary>
    private const double MaxSeconds = 86_400;

    /// <summary>
    /// An option that takes one number (invariant culture, so "0.001" wherever the machine is set)
    /// within what <paramref name="accept"/> allows: anything else is refused as a parse error
    /// that names the option and what it must be.
    /// </summary>
    private static Option<double> Number(string name, string description, double byDefault, Func<double, bool> accept, string mustBe) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => byDefault,
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
                return byDefault;
            var text = result.Tokens[0].Value;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && accept(value))
                return value;
            result.AddError($"{name} must be {mustBe}, not \"{text}\".");
            return byDefault;
        },
    };

    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "The plan's inputs (JSON: products, places, lots, needs, routes, imports, penalties).", Required = true };
        var output = new Option<FileInfo>("--output") { Description = "Where to write the result (JSON).", Required = true };
        var policy = new Option<string>("--policy") { Description = "production-first (default) or import-first.", DefaultValueFactory = _ => "production-first" };
        policy.AcceptOnlyFromAmong("production-first", "import-first");
        var basket = new Option<FileInfo?>("--basket") { Description = "A basket per family (one product a line: id and quantity): the registry's communes need their families × it." };
        var communes = new Option<string[]>("--communes") { Description = "With --basket: the codes of the communes whose needs to add (default: every commune of the registry).", AllowMultipleArgumentsPerToken = true };
        var timeLimit = Number("--time-limit",
            "Seconds each policy's plan may take; past them the best plan so far is written, with its proven bound (default 600).",
            FlowSolver.Options.Default.TimeLimit.TotalSeconds, seconds => seconds is > 0 and <= MaxSeconds,
            string.Create(CultureInfo.InvariantCulture, $"a number of seconds above 0 and at most {MaxSeconds}"));
        var gap = Number("--gap",
            "Stop once the plan is proven within this share of its objective: 1e-6 or less is a proof of the optimum (status optimal), more ends sooner (status within-gap, e.g. 0.001 for 0.1 %).",
            FlowSolver.Options.Default.RelativeGap, PlanMargin.IsShare, "a share above 0 and below 1 (0.001 is 0.1 %)");
        var verbose = new Option<bool>("--verbose") { Description = "Say on the error stream how the solve goes: the route prices' climb, each round, the gap proven so far." };
        var progress = new Option<bool>("--progress") { Description = "Say on the error stream how far the plan has come, about every second: the solve, its round, the seconds and the gap proven so far (on by default where the error stream is a terminal, on one line)." };
        var command = new Command("plan", "Plan the food of a period: domestic produce first, imports last.") { input, output, policy, basket, communes, timeLimit, gap, verbose, progress };
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
            var (plan, malformed) = PlanJson.ReadInput(json);
            IReadOnlyList<PlanError> problems = malformed is null ? [] : [malformed];
            if (plan is not null && parse.GetValue(basket) is { } basketFile)
            {
                var withNeeds = await WithCensusNeedsAsync(parse, plan, basketFile, parse.GetValue(communes) ?? [], cancellationToken);
                (plan, problems) = withNeeds;
            }
            var (problem, invalid) = plan is null ? (null, problems) : PlanProblem.Build(plan);
            if (problem is null)
            {
                await errors.WriteLineAsync($"{path.Name}: {invalid.Count} error(s) in the input.");
                foreach (var entry in invalid)
                    await errors.WriteLineAsync($"  {entry.Message}");
                return 2;
            }
            // On a terminal the progress is one line, rewritten; elsewhere (asked for) a line a report.
            var onTerminal = !Console.IsErrorRedirected && ReferenceEquals(errors, Console.Error);
            var progressLine = parse.GetValue(progress) || (onTerminal && !parse.GetValue(verbose)) ? new ProgressLine(errors, onTerminal) : null;
            var result = FoodPlanner.Plan(problem, chosen, options: FlowSolver.Options.Default with
            {
                TimeLimit = TimeSpan.FromSeconds(parse.GetValue(timeLimit)),
                RelativeGap = parse.GetValue(gap),
                Log = parse.GetValue(verbose) ? errors.WriteLine : null,
                Warn = warning => errors.WriteLine($"comuna: {warning}"),
                Progress = progressLine is null ? null : progressLine.Report,
            });
            progressLine?.End();
            var target = parse.GetValue(output)!;
            if (target.Directory is { Exists: false } folder)
                folder.Create();
            await File.WriteAllTextAsync(target.FullName, PlanJson.WriteResult(result), cancellationToken);
            Print(result, target);
            return PlanStatus.IsProven(result.Status) ? 0 : 1;
        });
        return command;
    }

    /// <summary>The plan with the needs of the registry's communes: their families × the basket.</summary>
    private static async Task<(PlanInput? Plan, IReadOnlyList<PlanError> Errors)> WithCensusNeedsAsync(
        ParseResult parse, PlanInput plan, FileInfo basketFile, IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        if (!basketFile.Exists)
            return (null, [new PlanError("bad-basket", $"No file {basketFile.FullName}.")]);
        var (items, wrong) = Basket.Parse(await File.ReadAllTextAsync(basketFile.FullName, cancellationToken));
        if (wrong.Count > 0)
            return (null, wrong);
        IReadOnlyList<PlaceFamilies> families = [];
        PlanError? refused = null;
        await CommandHost.RunAsync(parse, async (services, ct) =>
        {
            var counted = await services.GetRequiredService<CensusFamilies>().ExecuteAsync(CensusFamilies.Codes(codes), ct);
            if (counted.IsSuccess)
            {
                families = CensusPlaces.Of(counted.Value);
                // Say what the needs rest on, so that a census still empty is noticed before the plan is acted on.
                await parse.InvocationConfiguration.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Needs from the census: {counted.Value.Count} commune(s), {counted.Value.Sum(c => c.Families)} families ({counted.Value.Sum(c => c.Counted)} counted in the census, {counted.Value.Sum(c => c.Declared)} declared by councils without census)."));
            }
            else
                refused = new PlanError(counted.Error!.Code, $"{counted.Error.Message}");
            return 0;
        }, cancellationToken);
        return refused is null ? CensusNeeds.Apply(plan, items, families) : (null, [refused]);
    }

    /// <summary>
    /// How far the plan has come, as <c>--progress</c> says it: the solve (a plan compared with the
    /// other policy solves two or three times), its round, the seconds and the gap proven so far.
    /// </summary>
    private sealed class ProgressLine(TextWriter writer, bool rewritten)
    {
        private int _solve;
        private int _width;

        public void Report(FlowProgress progress)
        {
            if (progress.StartsASolve)
                _solve++;
            var text = string.Create(CultureInfo.InvariantCulture,
                $"solve {_solve}: round {progress.Round}{(progress.OnTheWay ? " under way" : "")}, {progress.Seconds:F1} s, gap {Math.Max(0, progress.Gap):E1}");
            if (!rewritten)
            {
                writer.WriteLine(text);
                return;
            }
            writer.Write($"\r{text.PadRight(_width)}");
            _width = text.Length;
        }

        public void End()
        {
            if (rewritten && _width > 0)
                writer.WriteLine();
        }
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
