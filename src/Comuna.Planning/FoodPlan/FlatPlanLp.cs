using System.Diagnostics;
using Google.OrTools.LinearSolver;

namespace Comuna.Planning.FoodPlan;

/// <summary>
/// The contract's linear programme written out flat, straight from the input and without any of
/// the planner's machinery, and handed whole to a general LP solver (GLOP, PDLP …): one variable
/// per lot or import, route and need it can reach, one per lot for what is lost, one per need for
/// what is missing; an equality per lot and per need, an inequality per import and per route
/// (each unit counted at its product's weight).
/// It is the benchmark's baseline and the tests' independent check of the planner.
/// </summary>
public static class FlatPlanLp
{
    public sealed record Outcome(string Status, double Objective, double Seconds, double BuildSeconds, int Variables, int Constraints);

    /// <summary>Solves the production-first programme of a valid input with the given penalties (<paramref name="algorithm"/>: the solver's default, primal, dual or barrier).</summary>
    public static Outcome Solve(PlanInput input, double spoiledPerUnit, double unmetPerUnit, string solverId = "GLOP", TimeSpan? timeLimit = null, string algorithm = "default")
    {
        ArgumentNullException.ThrowIfNull(input);
        var build = Stopwatch.StartNew();
        using var solver = Solver.CreateSolver(solverId) ?? throw new InvalidOperationException($"OR-Tools has no {solverId}.");
        if (timeLimit is { } limit)
            solver.SetTimeLimit((long)limit.TotalMilliseconds);
        var objective = solver.Objective();
        objective.SetMinimization();

        var needs = new Dictionary<(string Place, string Product), Constraint>();
        foreach (var need in input.Needs ?? [])
        {
            var key = (need!.Place!, need.Product!);
            if (!needs.TryGetValue(key, out var row))
            {
                // delivered + unmet = need
                row = solver.MakeConstraint(0, 0, "");
                var unmet = solver.MakeNumVar(0, double.PositiveInfinity, "");
                row.SetCoefficient(unmet, 1);
                objective.SetCoefficient(unmet, unmetPerUnit);
                needs[key] = row;
            }
            row.SetBounds(row.Lb() + need.Quantity!.Value, row.Ub() + need.Quantity.Value);
        }
        var routes = (input.Routes ?? []).Select(r => (
            Route: r!,
            Row: r!.Capacity is { } c ? solver.MakeConstraint(double.NegativeInfinity, c, "") : null)).ToList();
        var routesFrom = routes.ToLookup(r => r.Route.From!);
        // A unit of a product takes its weight of a route's capacity.
        var weight = (input.Products ?? []).DistinctBy(p => p!.Id).ToDictionary(p => p!.Id!, p => p!.Weight ?? 1);

        void Supply(string place, string product, Constraint row, double unitCost, Func<double, bool> arrives)
        {
            if (needs.TryGetValue((place, product), out var here) && arrives(0))
            {
                var x = solver.MakeNumVar(0, double.PositiveInfinity, "");
                row.SetCoefficient(x, 1);
                here.SetCoefficient(x, 1);
                objective.SetCoefficient(x, unitCost);
            }
            foreach (var (route, capacity) in routesFrom[place])
            {
                if (!needs.TryGetValue((route.To!, product), out var there) || !arrives(route.Days ?? 0))
                    continue;
                var x = solver.MakeNumVar(0, double.PositiveInfinity, "");
                row.SetCoefficient(x, 1);
                there.SetCoefficient(x, 1);
                capacity?.SetCoefficient(x, weight[product]);
                objective.SetCoefficient(x, unitCost + (route.CostPerUnit ?? 0));
            }
        }

        foreach (var lot in input.Lots ?? [])
        {
            // shipped + lost = quantity
            var row = solver.MakeConstraint(lot!.Quantity!.Value, lot.Quantity.Value, "");
            var lost = solver.MakeNumVar(0, double.PositiveInfinity, "");
            row.SetCoefficient(lost, 1);
            objective.SetCoefficient(lost, spoiledPerUnit);
            var available = lot.AvailableDay ?? 0;
            var spoils = lot.SpoilsAfterDay ?? double.PositiveInfinity;
            Supply(lot.Place!, lot.Product!, row, 0, days => available + days <= spoils + 1e-9);
        }
        foreach (var option in input.Imports ?? [])
        {
            var row = solver.MakeConstraint(0, option!.Capacity ?? double.PositiveInfinity, "");
            Supply(option.Place!, option.Product!, row, option.CostPerUnit ?? 0, _ => true);
        }
        build.Stop();

        var clock = Stopwatch.StartNew();
        var parameters = new MPSolverParameters();
        if (algorithm != "default")
            parameters.SetIntegerParam(MPSolverParameters.IntegerParam.LP_ALGORITHM, algorithm switch
            {
                "dual" => (int)MPSolverParameters.LpAlgorithmValues.DUAL,
                "primal" => (int)MPSolverParameters.LpAlgorithmValues.PRIMAL,
                "barrier" => (int)MPSolverParameters.LpAlgorithmValues.BARRIER,
                _ => throw new ArgumentException($"Unknown LP algorithm \"{algorithm}\" (default, primal, dual or barrier).", nameof(algorithm)),
            });
        var status = solver.Solve(parameters);
        clock.Stop();
        var name = status switch
        {
            Solver.ResultStatus.OPTIMAL => "optimal",
            Solver.ResultStatus.FEASIBLE => "feasible",
            Solver.ResultStatus.INFEASIBLE => "infeasible",
            _ => "not-solved",
        };
        return new Outcome(name, name is "optimal" or "feasible" ? objective.Value() : double.NaN,
            clock.Elapsed.TotalSeconds, build.Elapsed.TotalSeconds, solver.NumVariables(), solver.NumConstraints());
    }
}
