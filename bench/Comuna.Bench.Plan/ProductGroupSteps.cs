using System.Diagnostics;
using System.Globalization;
using Comuna.Planning.FoodPlan;

/// <summary>
/// An experiment on the plan side of the gap (<c>--group-steps N</c>): the planner's plan is
/// improved a group of N products at a time, each group planned optimally by the planner itself
/// in the truck space the other products leave. The old plan of a group fits that space, so no
/// step makes the plan worse, and every plan stays within every route. The bound stays the first
/// run's. It shows how far a better plan, rather than a better bound, would close the gap.
/// </summary>
internal static class ProductGroupSteps
{
    /// <summary>Sweeps over all the groups, each group after the one before.</summary>
    private const int Sweeps = 2;

    public static void Run(PlanProblem problem, int groupSize, FlowSolver.Options options, Action<string> say)
    {
        var inv = CultureInfo.InvariantCulture;
        var clock = Stopwatch.StartNew();
        var everySource = Enumerable.Repeat(true, problem.SourceCount).ToArray();
        var first = FlowSolver.Solve(problem, everySource, problem.DemandQuantity, problem.RouteCapacity, options);
        var plan = first.Quantity;
        var constant = problem.ConstantObjective();
        double Saving(double[] quantity, Func<int, bool> counts)
        {
            double total = 0;
            for (var a = 0; a < quantity.Length; a++)
                if (quantity[a] > 0 && counts(a))
                    total -= problem.ArcProfit(a) * quantity[a];
            return total;
        }
        double Gap(double saving) => (saving - first.Bound) / Math.Abs(constant + saving);
        var objective = Saving(plan, _ => true);
        say(string.Create(inv, $"group steps: first run {first.Status}, plan {objective:R}, bound {first.Bound:R}, gap {Gap(objective):E2}, at {clock.Elapsed.TotalSeconds:F1} s"));

        var products = problem.ProductIds.Length;
        for (var sweep = 1; sweep <= Sweeps; sweep++)
        {
            for (var start = 0; start < products; start += groupSize)
            {
                var group = Enumerable.Range(start, Math.Min(groupSize, products - start)).ToHashSet();
                bool InGroup(int a) => group.Contains(problem.SourceProduct[problem.ArcSource[a]]);
                var enabled = Enumerable.Range(0, problem.SourceCount).Select(s => group.Contains(problem.SourceProduct[s])).ToArray();
                var demand = Enumerable.Range(0, problem.DemandCount).Select(d => group.Contains(problem.DemandProduct[d]) ? problem.DemandQuantity[d] : 0).ToArray();
                // The truck space the other products leave.
                var capacity = (double[])problem.RouteCapacity.Clone();
                for (var a = 0; a < plan.Length; a++)
                    if (plan[a] > 0 && !InGroup(a) && problem.ArcRoute[a] is var r and >= 0)
                        capacity[r] = Math.Max(0, capacity[r] - plan[a]);
                var step = FlowSolver.Solve(problem, enabled, demand, capacity, options with { Log = null });
                var before = Saving(plan, InGroup);
                var after = Saving(step.Quantity, InGroup);
                if (after <= before)
                {
                    for (var a = 0; a < plan.Length; a++)
                        if (InGroup(a))
                            plan[a] = step.Quantity[a];
                    objective += after - before;
                }
                say(string.Create(inv, $"group steps: sweep {sweep}, products {start}–{start + group.Count - 1}: {step.Status} in {step.Seconds:F1} s, group {before:R} → {after:R}; plan {objective:R}, gap {Gap(objective):E2}, at {clock.Elapsed.TotalSeconds:F1} s"));
            }
        }
    }
}
