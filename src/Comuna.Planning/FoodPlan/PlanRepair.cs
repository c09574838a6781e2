using Google.OrTools.LinearSolver;

namespace Comuna.Planning.FoodPlan;

/// <summary>
/// Makes a plan that overloads some routes into one that respects them all, losing as little as
/// it can: every supply and every need that ships over an overloaded route is planned again
/// (all their arcs, over any route), around everything else, which stays as it was. That
/// neighbourhood is a small programme of its own, solved exactly; shipping nothing in it is
/// always possible, so the repaired plan always exists. Its objective against the proven bound
/// tells whether the restricted programme's last rounds are worth waiting for.
/// </summary>
internal static class PlanRepair
{
    /// <summary>
    /// How far along the plan the neighbourhood of the overloaded routes reaches. On the benchmark's
    /// small regional instance one hop repaired within 1e-6 of the bound where none stayed at 4e-4,
    /// and three hops gained little for three times the time.
    /// </summary>
    private const int Hops = 1;

    /// <summary>The repaired quantities and their objective (saving form, <c>Σ cost·x</c>); null if the solver fails.</summary>
    public static (double[] Quantity, double Objective)? Repair(PlanProblem problem, FlowArcs arcs, double[] demand, double[] capacity,
        double[] quantity, IReadOnlyCollection<int> overloaded, string solverId, TimeSpan timeLimit)
    {
        var over = new bool[problem.RouteCount];
        foreach (var r in overloaded)
            over[r] = true;
        var replanSource = new bool[problem.SourceCount];
        var replanDemand = new bool[problem.DemandCount];
        for (var a = 0; a < problem.ArcCount; a++)
        {
            var r = problem.ArcRoute[a];
            if (quantity[a] > 0 && r >= 0 && over[r])
            {
                replanSource[problem.ArcSource[a]] = true;
                replanDemand[problem.ArcDemand[a]] = true;
            }
        }

        // Widen it along the plan: the other supplies of those needs, the other needs of those
        // supplies, so that a chain of shifts can make the room the overloaded routes lose.
        for (var hop = 0; hop < Hops; hop++)
        {
            var sources = (bool[])replanSource.Clone();
            var demands = (bool[])replanDemand.Clone();
            for (var a = 0; a < problem.ArcCount; a++)
            {
                if (quantity[a] <= 0)
                    continue;
                var s = problem.ArcSource[a];
                var d = problem.ArcDemand[a];
                if (replanSource[s])
                    demands[d] = true;
                if (replanDemand[d])
                    sources[s] = true;
            }
            (replanSource, replanDemand) = (sources, demands);
        }

        // What the fixed part of the plan leaves to the neighbourhood.
        var supplyLeft = (double[])problem.SourceSupply.Clone();
        var demandLeft = (double[])demand.Clone();
        var capacityLeft = (double[])capacity.Clone();
        var free = new List<int>();
        for (var a = 0; a < problem.ArcCount; a++)
        {
            var s = problem.ArcSource[a];
            var d = problem.ArcDemand[a];
            if (arcs.Useful[a] && (replanSource[s] || replanDemand[d]))
            {
                free.Add(a);
                continue;
            }
            if (quantity[a] <= 0)
                continue;
            supplyLeft[s] -= quantity[a];
            demandLeft[d] -= quantity[a];
            if (problem.ArcRoute[a] >= 0)
                capacityLeft[problem.ArcRoute[a]] -= quantity[a];
        }

        using var solver = Solver.CreateSolver(solverId) ?? throw new InvalidOperationException($"OR-Tools has no {solverId}.");
        solver.SetTimeLimit(Math.Max(1000, (long)timeLimit.TotalMilliseconds));
        var goal = solver.Objective();
        goal.SetMinimization();
        var sourceRow = new Dictionary<int, Constraint>();
        var demandRow = new Dictionary<int, Constraint>();
        var routeRow = new Dictionary<int, Constraint>();
        var variables = new Variable[free.Count];
        for (var i = 0; i < free.Count; i++)
        {
            var a = free[i];
            var s = problem.ArcSource[a];
            var d = problem.ArcDemand[a];
            var r = problem.ArcRoute[a];
            var x = variables[i] = solver.MakeNumVar(0, arcs.Upper[a], "");
            goal.SetCoefficient(x, arcs.Cost[a]);
            if (double.IsFinite(supplyLeft[s]))
                Row(sourceRow, s, supplyLeft[s]).SetCoefficient(x, 1);
            Row(demandRow, d, demandLeft[d]).SetCoefficient(x, 1);
            if (r >= 0 && double.IsFinite(capacityLeft[r]))
                Row(routeRow, r, capacityLeft[r]).SetCoefficient(x, 1);
        }
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
            return null;

        var repaired = (double[])quantity.Clone();
        for (var i = 0; i < free.Count; i++)
            repaired[free[i]] = Math.Max(0, variables[i].SolutionValue());
        return (repaired, arcs.ObjectiveOf(repaired));

        Constraint Row(Dictionary<int, Constraint> rows, int key, double room)
        {
            if (!rows.TryGetValue(key, out var row))
                rows[key] = row = solver.MakeConstraint(double.NegativeInfinity, Math.Max(0, room), "");
            return row;
        }
    }
}
