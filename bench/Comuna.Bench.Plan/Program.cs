using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Comuna.Planning.FoodPlan;

// dotnet run -c Release --project bench/Comuna.Bench.Plan -- [--seed N] [--skip-regional] [--skip-flat] [--flat SOLVER[:primal|dual|barrier]] [--skip-national] [--time-limit S]
//   [--master CLP|GLOP|HIGHS] [--master-parameters TEXT] [--verbose] [--progress] [--results bench/RESULTS.md] [--scale X]
//   [--simplex] [--crossover] [--steps-first N] [--descent-rounds N] [--cheapest-at-prices N] [--initial-per-node N] [--priced-per-node N] [--price-steps N] [--rebuild-after-rows N]
//   [--gap SHARE] [--write-inputs DIR]
// (the flags from --simplex to --gap tune FlowSolver.Options; without --results nothing is recorded;
// --write-inputs also writes each instance as the contract's JSON, regional.json and national.json,
// for `comuna plan --input`)
// Generates the regional (10 products) and national (40 products) instances from the seed, times
// Comuna's planner and the flat LP solved whole by GLOP on the regional one, then the planner alone
// on the national one, and appends a table to RESULTS.md.
var seed = 2026;
var flatSolvers = new List<(string Solver, string Algorithm)> { ("GLOP", "default") };
var skipNational = false;
var skipRegional = false;
var verbose = false;
var master = "CLP";
string? masterParameters = null;
var solverOptions = new FlowSolver.Options();
var timeLimit = TimeSpan.FromMinutes(15);
var scale = 1.0;
string? resultsPath = null;
string? inputsFolder = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--skip-flat": flatSolvers.Clear(); break;
        case "--flat":
            // e.g. --flat CLP:barrier adds the flat LP solved by CLP's interior point (with crossover)
            var parts = args[++i].Split(':');
            flatSolvers.Add((parts[0], parts.Length > 1 ? parts[1] : "default"));
            break;
        case "--skip-national": skipNational = true; break;
        case "--skip-regional": skipRegional = true; break;
        case "--verbose": verbose = true; break;
        case "--progress":
            // What the plan page is told, as it is told (the round, and whether it is under way).
            solverOptions = solverOptions with
            {
                Progress = p => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"progress: round {p.Round}{(p.OnTheWay ? " under way" : "")}, plan {p.Objective:R}, bound {p.Bound:R}, at {p.Seconds:F2} s")),
            };
            break;
        case "--master": master = args[++i]; break;
        case "--master-parameters": masterParameters = args[++i]; break;
        case "--scale": scale = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--time-limit": timeLimit = TimeSpan.FromSeconds(double.Parse(args[++i], CultureInfo.InvariantCulture)); break;
        case "--results": resultsPath = args[++i]; break;
        case "--price-steps": solverOptions = solverOptions with { PriceSteps = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        case "--priced-per-node": solverOptions = solverOptions with { PricedPerNode = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        case "--rebuild-after-rows": solverOptions = solverOptions with { RebuildAfterRows = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        case "--descent-rounds": solverOptions = solverOptions with { DescentRounds = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        case "--steps-first": solverOptions = solverOptions with { StepsBeforeFirstProgramme = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        case "--crossover": solverOptions = solverOptions with { Crossover = true }; break;
        case "--simplex": solverOptions = solverOptions with { Barrier = false }; break;
        case "--cheapest-at-prices": solverOptions = solverOptions with { CheapestAtPricesPerNode = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        case "--initial-per-node": solverOptions = solverOptions with { InitialPerNode = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        case "--gap": solverOptions = solverOptions with { RelativeGap = double.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
        case "--write-inputs": inputsFolder = args[++i]; break;
        default: throw new ArgumentException($"Unknown argument {args[i]}");
    }
}
var inv = CultureInfo.InvariantCulture;
var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
var machine = string.Create(inv, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores; {RuntimeInformation.OSDescription}; .NET {Environment.Version}; load average at start {load}");
Console.WriteLine(machine);

var rows = new List<string>();
var notes = new List<string>();

(PlanProblem Problem, double Seconds) Build(PlanInput input)
{
    var clock = Stopwatch.StartNew();
    var (problem, errors) = PlanProblem.Build(input);
    if (problem is null)
        throw new InvalidOperationException(string.Join("; ", errors));
    return (problem, clock.Elapsed.TotalSeconds);
}

(PlanResult Result, double Seconds) RunPlanner(PlanProblem problem)
{
    var clock = Stopwatch.StartNew();
    var result = FoodPlanner.Plan(problem, PlanPolicy.ProductionFirst, compare: false,
        solverOptions with { Log = verbose ? Console.Error.WriteLine : null, MasterSolver = master, MasterParameters = masterParameters, TimeLimit = timeLimit });
    return (result, clock.Elapsed.TotalSeconds);
}

string Row(string instance, string method, string status, double build, double solve, double objective, double? gap, string detail) =>
    string.Create(inv, $"| {instance} | {method} | {status} | {build:F2} | {solve:F2} | {build + solve:F2} | {objective:R} | {(gap is { } g ? g.ToString("E1", inv) : "–")} | {detail} |");

// With --write-inputs, the instance as `comuna plan --input` reads it.
void WriteInput(string name, PlanInput input)
{
    if (inputsFolder is null)
        return;
    Directory.CreateDirectory(inputsFolder);
    var path = Path.Combine(inputsFolder, name + ".json");
    File.WriteAllText(path, PlanJson.WriteInput(input));
    Console.WriteLine($"{name}: input written to {path}");
}

// Regional: planner vs flat GLOP.
SyntheticPlan.Shape Scaled(SyntheticPlan.Shape shape) => shape with
{
    Consumers = (int)(shape.Consumers * scale),
    Producers = (int)(shape.Producers * scale),
    PortReach = (int)(shape.PortReach * scale),
};
// Times the planner on one instance and adds its row.
(PlanResult Plan, double Total) PlannerRow(string label, PlanProblem problem, double build)
{
    var (plan, seconds) = RunPlanner(problem);
    var st = plan.Summary.Statistics;
    rows.Add(Row(label, "Comuna planner", plan.Status, build, seconds, plan.Objective, plan.Gap,
        $"{master}: {st.Rounds} rounds, {st.ColumnsUsed} of {st.Arcs} arcs, {st.CapacityRows} of {st.Routes} capacity rows"));
    Console.WriteLine(rows[^1]);
    if (verbose && plan.Shipments.Count > 0)
        Console.Error.WriteLine(string.Create(inv, $"{plan.Shipments.Count} shipments, the smallest {plan.Shipments.Min(s => s.Quantity):R}; {plan.Shipments.Count(s => s.Quantity < 0.01)} under 0.01"));
    return (plan, build + seconds);
}

string Label(string instance, int products) => $"{instance} ({products} products{(scale == 1 ? "" : $", scale {scale}")})";

if (!skipRegional)
{
    var regionalInput = SyntheticPlan.Generate(Scaled(SyntheticPlan.Shape.Regional), seed);
    WriteInput("regional", regionalInput);
    var (regional, regionalBuild) = Build(regionalInput);
    Console.WriteLine($"regional: {SyntheticPlan.Describe(regional)}");
    var (regionalPlan, regionalTotal) = PlannerRow(Label("regional", 10), regional, regionalBuild);
    foreach (var (solverId, algorithm) in flatSolvers)
    {
        var flat = FlatPlanLp.Solve(regionalInput, regional.SpoiledPerUnit, regional.UnmetPerUnit, solverId, timeLimit, algorithm);
        var method = algorithm == "default" ? $"flat LP, {solverId}" : $"flat LP, {solverId} {algorithm}";
        rows.Add(Row(Label("regional", 10), method, flat.Status, flat.BuildSeconds, flat.Seconds, flat.Objective, null,
            $"{flat.Variables} variables, {flat.Constraints} constraints"));
        Console.WriteLine(rows[^1]);
        var relative = Math.Abs(regionalPlan.Objective - flat.Objective) / Math.Abs(flat.Objective);
        notes.Add(string.Create(inv, $"- regional, {method}: its solve alone / the planner's whole run (build + solve) = {flat.Seconds / regionalTotal:F2}×; whole run against whole run = {(flat.BuildSeconds + flat.Seconds) / regionalTotal:F2}×; objectives differ by {relative:E1} relative ({(flat.Status == "optimal" ? relative <= 1e-6 ? "agree" : "DISAGREE" : "the flat run did not finish")} within 1e-6)."));
    }
    notes.Insert(0, $"- regional: {SyntheticPlan.Describe(regional)}.");
}

if (!skipNational)
{
    var nationalInput = SyntheticPlan.Generate(Scaled(SyntheticPlan.Shape.National), seed);
    WriteInput("national", nationalInput);
    var (national, nationalBuild) = Build(nationalInput);
    Console.WriteLine($"national: {SyntheticPlan.Describe(national)}");
    var (nationalPlan, nationalTotal) = PlannerRow(Label("national", 40), national, nationalBuild);
    notes.Add(string.Create(inv, $"- national: {SyntheticPlan.Describe(national)}; {(nationalTotal < 10 && nationalPlan.Gap <= 1e-6 ? "meets" : "MISSES")} the aim (proven optimal, gap ≤ 1e-6, under 10 s) with {nationalTotal:F2} s and gap {nationalPlan.Gap:E1}; domestic lost {nationalPlan.Summary.DomesticLost:F0}, imports {nationalPlan.Summary.ImportsNeeded:F0}, unmet {nationalPlan.Summary.UnmetTotal:F0}."));
    Console.WriteLine(notes[^1]);
}

if (resultsPath is not null)
{
    var text = new List<string>
    {
        "",
        string.Create(inv, $"### Food plan, run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"),
        "",
        $"Command: `dotnet run -c Release --project bench/Comuna.Bench.Plan -- {string.Join(' ', args)}`",
        "",
        $"Machine: {machine}",
        "",
        "| instance | method | status | build s | solve s | total s | objective | gap | detail |",
        "|---|---|---|---:|---:|---:|---:|---:|---|",
    };
    text.AddRange(rows);
    text.Add("");
    text.AddRange(notes);
    File.AppendAllLines(resultsPath, text);
}
