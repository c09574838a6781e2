using System.Diagnostics;

namespace Comuna.Planning.FoodPlan;

/// <summary>
/// Plans the food of a period under one policy and reports it in the contract's terms.
/// <list type="bullet">
/// <item><b>Production-first</b> (the comuneros' proposal): one programme over all supplies whose
/// objective weighs domestic produce lost, then unmet need, then transport and import cost; it is
/// solved to optimality and its bound proves it.</item>
/// <item><b>Import-first</b> (the CLAP way): imports fill the needs first as well as they can
/// (least unmet need, then least cost), and domestic produce gets only the needs and the truck
/// space that are left. Each stage is solved to optimality, so the plan is optimal <i>for that
/// policy</i>; its objective, by the same formula, shows what the policy costs.</item>
/// </list>
/// </summary>
public static class FoodPlanner
{
    public static string Name(PlanPolicy policy) => policy == PlanPolicy.ImportFirst ? "import-first" : "production-first";

    public static PlanPolicy? ParsePolicy(string? name) => name switch
    {
        null or "" or "production-first" => PlanPolicy.ProductionFirst,
        "import-first" => PlanPolicy.ImportFirst,
        _ => null,
    };

    /// <summary>Reads, validates and plans a JSON input; bad input gives its errors, each naming its entry.</summary>
    public static (PlanResult? Result, IReadOnlyList<PlanError> Errors) PlanFromJson(string json, PlanPolicy policy, bool compare = true, FlowSolver.Options? options = null)
    {
        var (problem, _, errors) = Read(json);
        return problem is null ? (null, errors) : (Plan(problem, policy, compare, options), []);
    }

    /// <summary>The programme of a plan's JSON, and its inputs; or every error in it, each naming the entry at fault.</summary>
    public static (PlanProblem? Problem, PlanInput? Input, IReadOnlyList<PlanError> Errors) Read(string json)
    {
        var (input, malformed) = PlanJson.ReadInput(json);
        if (malformed is not null)
            return (null, null, [malformed]);
        var (problem, errors) = PlanProblem.Build(input!);
        return (problem, input, errors);
    }

    /// <summary>Plans under <paramref name="policy"/>; with <paramref name="compare"/>, also under the other policy for the summary's comparison.</summary>
    public static PlanResult Plan(PlanProblem problem, PlanPolicy policy, bool compare = true, FlowSolver.Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var main = Solve(problem, policy, options).Result;
        return compare ? Compared(main, Solve(problem, Other(policy), options).Result) : main;
    }

    public static PlanPolicy Other(PlanPolicy policy) => policy == PlanPolicy.ProductionFirst ? PlanPolicy.ImportFirst : PlanPolicy.ProductionFirst;

    /// <summary><paramref name="main"/> with the other policy's totals beside its own in the summary's comparison: production-first, then import-first.</summary>
    public static PlanResult Compared(PlanResult main, PlanResult other)
    {
        ArgumentNullException.ThrowIfNull(main);
        ArgumentNullException.ThrowIfNull(other);
        var totals = main.Summary.Comparison.Concat(other.Summary.Comparison).OrderByDescending(t => t.Policy, StringComparer.Ordinal).ToList();
        return main with { Summary = main.Summary with { Comparison = totals } };
    }

    private sealed record Planned(PlanResult Result, PolicyTotals Totals);

    private static Planned Solve(PlanProblem problem, PlanPolicy policy, FlowSolver.Options? options)
    {
        options ??= FlowSolver.Options.Default;
        var clock = Stopwatch.StartNew();
        var all = Enumerable.Repeat(true, problem.SourceCount).ToArray();
        FlowSolution[] stages;
        double[] quantity;
        if (policy == PlanPolicy.ProductionFirst)
        {
            var solution = FlowSolver.Solve(problem, all, problem.DemandQuantity, problem.RouteCapacity, options);
            stages = [solution];
            quantity = solution.Quantity;
        }
        else
        {
            var importsOnly = problem.SourceIsImport.ToArray();
            var first = FlowSolver.Solve(problem, importsOnly, problem.DemandQuantity, problem.RouteCapacity, options);
            var demandLeft = problem.DemandQuantity.ToArray();
            var capacityLeft = problem.RouteCapacity.ToArray();
            for (var a = 0; a < problem.ArcCount; a++)
            {
                var x = first.Quantity[a];
                if (x <= 0)
                    continue;
                demandLeft[problem.ArcDemand[a]] = Math.Max(0, demandLeft[problem.ArcDemand[a]] - x);
                if (problem.ArcRoute[a] >= 0)
                    capacityLeft[problem.ArcRoute[a]] = Math.Max(0, capacityLeft[problem.ArcRoute[a]] - x);
            }
            var lotsOnly = problem.SourceIsImport.Select(i => !i).ToArray();
            // The policy's time limit holds for both stages: the second has what the first left.
            var timeLeft = options.TimeLimit - clock.Elapsed;
            var second = FlowSolver.Solve(problem, lotsOnly, demandLeft, capacityLeft, options with { TimeLimit = timeLeft > TimeSpan.Zero ? timeLeft : TimeSpan.Zero });
            stages = [first, second];
            quantity = new double[problem.ArcCount];
            for (var a = 0; a < quantity.Length; a++)
                quantity[a] = first.Quantity[a] + second.Quantity[a];
        }
        // The plan is as proven as its least proven stage.
        var status = stages.FirstOrDefault(s => !PlanStatus.IsProven(s.Status))?.Status
            ?? (stages.All(s => s.Status == PlanStatus.Optimal) ? PlanStatus.Optimal : PlanStatus.WithinGap);
        var bound = problem.ConstantObjective() + stages.Sum(s => s.Bound);
        var statistics = new SolveStatistics(
            stages.Sum(s => s.Rounds), stages.Sum(s => s.Columns), problem.ArcCount,
            stages.Sum(s => s.CapacityRows), problem.RouteCount, clock.Elapsed.TotalSeconds);
        return Report(problem, policy, status, quantity, bound, statistics);
    }

    /// <summary>Turns quantities per arc (in the measure of capacity) into the contract's lists and totals, in units; the objective is recomputed from them.</summary>
    private static Planned Report(PlanProblem problem, PlanPolicy policy, string status, double[] quantity, double bound, SolveStatistics statistics)
    {
        var shipped = new double[problem.SourceCount];
        var delivered = new double[problem.DemandCount];
        var shipments = new Dictionary<(int From, int To, int Product, bool Import), double>();
        double transport = 0, importCost = 0;
        for (var a = 0; a < problem.ArcCount; a++)
        {
            if (quantity[a] <= 0)
                continue;
            var s = problem.ArcSource[a];
            var x = problem.Units(quantity[a], problem.SourceProduct[s]);
            var d = problem.ArcDemand[a];
            var r = problem.ArcRoute[a];
            shipped[s] += x;
            delivered[d] += x;
            var to = r >= 0 ? problem.RouteTo[r] : problem.SourcePlace[s];
            var key = (problem.SourcePlace[s], to, problem.SourceProduct[s], problem.SourceIsImport[s]);
            shipments[key] = shipments.GetValueOrDefault(key) + x;
            if (r >= 0)
                transport += problem.RouteCost[r] * x;
            importCost += problem.SourceCost[s] * x;
        }

        var products = problem.ProductIds;
        var places = problem.PlaceIds;
        var importUse = new Dictionary<(int Product, int Place), double>();
        var spoiled = new Dictionary<(int Place, int Product), double>();
        double supply = 0, domesticShipped = 0, lost = 0, imported = 0;
        var productDomestic = new double[products.Length];
        var productImported = new double[products.Length];
        for (var s = 0; s < problem.SourceCount; s++)
        {
            if (problem.SourceIsImport[s])
            {
                imported += shipped[s];
                productImported[problem.SourceProduct[s]] += shipped[s];
                if (shipped[s] > 0)
                    importUse[(problem.SourceProduct[s], problem.SourcePlace[s])] = importUse.GetValueOrDefault((problem.SourceProduct[s], problem.SourcePlace[s])) + shipped[s];
                continue;
            }
            var lot = problem.Units(problem.SourceSupply[s], problem.SourceProduct[s]);
            supply += lot;
            domesticShipped += shipped[s];
            productDomestic[problem.SourceProduct[s]] += shipped[s];
            var left = Math.Max(0, lot - shipped[s]);
            lost += left;
            if (left > 0)
                spoiled[(problem.SourcePlace[s], problem.SourceProduct[s])] = spoiled.GetValueOrDefault((problem.SourcePlace[s], problem.SourceProduct[s])) + left;
        }
        var unmet = new List<PlaceQuantity>();
        double need = 0, unmetTotal = 0;
        var productNeed = new double[products.Length];
        var productUnmet = new double[products.Length];
        for (var d = 0; d < problem.DemandCount; d++)
        {
            var asked = problem.Units(problem.DemandQuantity[d], problem.DemandProduct[d]);
            var left = Math.Max(0, asked - delivered[d]);
            need += asked;
            productNeed[problem.DemandProduct[d]] += asked;
            productUnmet[problem.DemandProduct[d]] += left;
            unmetTotal += left;
            if (Round(left) > 0)
                unmet.Add(new(places[problem.DemandPlace[d]], products[problem.DemandProduct[d]], Round(left)));
        }

        var objective = problem.SpoiledPerUnit * lost + problem.UnmetPerUnit * unmetTotal + transport + importCost;
        // Every term is non-negative, so 0 is a bound when the solver stopped before giving one.
        bound = double.IsFinite(bound) ? Math.Max(0, bound) : 0;
        if (PlanStatus.IsProven(status))
            bound = Math.Min(bound, objective);
        var gap = (objective - bound) / Math.Max(1, Math.Abs(objective));
        var name = Name(policy);
        var gaps = Enumerable.Range(0, products.Length)
            .Where(p => productNeed[p] > 0 || productImported[p] > 0)
            .Select(p => new ProductGap(products[p], Round(productNeed[p]), Round(productDomestic[p]), Round(productImported[p]), Round(productUnmet[p]),
                Round(Math.Max(0, productNeed[p] - productDomestic[p]))))
            .ToList();
        var totals = new PolicyTotals(name, status, Round(lost), Round(imported), Round(unmetTotal), Round(transport + importCost), objective);
        var summary = new PlanSummary(name, Round(supply), Round(domesticShipped), Round(lost), Round(need), Round(need - unmetTotal), Round(unmetTotal),
            Round(imported), Round(transport), Round(importCost), Round(transport + importCost), problem.SpoiledPerUnit, problem.UnmetPerUnit,
            gaps, [totals], statistics);
        var result = new PlanResult(status, name, objective, bound, gap,
            [.. shipments.Where(s => Round(s.Value) > 0)
                .OrderBy(s => s.Key.From).ThenBy(s => s.Key.To).ThenBy(s => s.Key.Product).ThenBy(s => s.Key.Import)
                .Select(s => new Shipment(places[s.Key.From], places[s.Key.To], products[s.Key.Product], Round(s.Value), s.Key.Import ? "import" : "domestic"))],
            [.. importUse.Where(i => Round(i.Value) > 0).OrderBy(i => i.Key.Product).ThenBy(i => i.Key.Place)
                .Select(i => new ImportUse(products[i.Key.Product], places[i.Key.Place], Round(i.Value)))],
            unmet,
            [.. spoiled.Where(s => Round(s.Value) > 0).OrderBy(s => s.Key.Place).ThenBy(s => s.Key.Product)
                .Select(s => new PlaceQuantity(places[s.Key.Place], products[s.Key.Product], Round(s.Value)))],
            summary);
        return new Planned(result, totals);
    }

    /// <summary>Six decimals: the solver's noise (99.9999999997) is not a quantity anyone ships.</summary>
    private static double Round(double value)
    {
        var rounded = Math.Round(value, 6);
        return rounded == 0 ? 0 : rounded;
    }
}
