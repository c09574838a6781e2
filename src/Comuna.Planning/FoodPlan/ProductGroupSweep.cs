using System.Diagnostics;

namespace Comuna.Planning.FoodPlan;

/// <summary>
/// Improves a plan that respects every route a group of products at a time: each group of
/// <see cref="GroupSize"/> products is planned again, whole, by <see cref="FlowSolver"/>, in the
/// truck space the other products leave on every route, and its new plan replaces its old one
/// when it saves more. The old plan of a group fits that space, so no step makes the plan worse
/// and every plan stays within every route.
/// </summary>
/// <remarks>
/// A group of ten products is the benchmark's regional instance, whose coupled programme CLP's
/// interior point solves in seconds; the forty products of the national instance share every
/// route row and fill its factor beyond reach (see <c>bench/RESULTS.md</c>). So on a programme
/// too large for a proof within the time limit, the time is better spent here: on the national
/// instance the first sweep took the plan of the route prices' climb from 3.5e-4 to 1.53e-4 of
/// the bound in about three minutes, and the sweeps after it, interleaved then in order again, to
/// 1.44e-4 by the ten-minute limit. A group never sweeps itself (see <see cref="Applies"/>), and
/// the bound stays the whole programme's: only the plan side of the gap closes.
/// </remarks>
internal static class ProductGroupSweep
{
    /// <summary>Products planned together in one step.</summary>
    public const int GroupSize = 10;

    /// <summary>
    /// Whether a programme has enough products in play — with a lot <paramref name="enabled"/>
    /// lets it ship, or a need left in <paramref name="demand"/> — to be swept in groups. A group's
    /// own solve has the whole problem's products but at most <see cref="GroupSize"/> in play, so
    /// it never sweeps itself.
    /// </summary>
    public static bool Applies(PlanProblem problem, bool[] enabled, double[] demand)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(enabled);
        ArgumentNullException.ThrowIfNull(demand);
        var inPlay = new bool[problem.ProductIds.Length];
        for (var s = 0; s < enabled.Length; s++)
            if (enabled[s])
                inPlay[problem.SourceProduct[s]] = true;
        for (var d = 0; d < demand.Length; d++)
            if (demand[d] > 0)
                inPlay[problem.DemandProduct[d]] = true;
        return inPlay.Count(product => product) > GroupSize;
    }

    /// <summary>
    /// The groups of one sweep. Even sweeps take the products in order, ten after ten; odd sweeps
    /// take them interleaved, one in every so many as there are groups (with forty products, four
    /// groups: 0, 4, 8 …; 1, 5, 9 …), so that a sweep can move truck space between products the
    /// sweep before kept apart.
    /// </summary>
    public static IReadOnlyList<int[]> Groups(int products, int sweep)
    {
        var count = (products + GroupSize - 1) / GroupSize;
        return sweep % 2 == 0
            ? [.. Enumerable.Range(0, count).Select(g => Enumerable.Range(g * GroupSize, Math.Min(GroupSize, products - (g * GroupSize))).ToArray())]
            : [.. Enumerable.Range(0, count).Select(g => Enumerable.Range(0, products).Where(p => p % count == g).ToArray())];
    }

    /// <summary>
    /// Sweeps over the groups of <paramref name="plan"/> (changed in place), each group planned
    /// with <paramref name="options"/> (its time limit: what is left of the sweep's, measured from
    /// the start; its log: one line per group, the group's own solve says nothing), the groups
    /// changing from one sweep to the next (<see cref="Groups"/>), until two sweeps in a row gain
    /// nothing. Every better plan goes to <paramref name="offer"/>; the sweeps end early, with the
    /// plan as it stands, once <paramref name="enough"/> says so or the options' cancellation comes
    /// (which it does not throw).
    /// </summary>
    public static void Sweep(PlanProblem problem, FlowArcs arcs, bool[] enabled, double[] demand, double[] capacity, double[] plan,
        FlowSolver.Options options, Action<double[], double> offer, Func<bool> enough)
    {
        var clock = Stopwatch.StartNew();
        var products = problem.ProductIds.Length;
        var inGroup = new bool[products];
        var objective = arcs.ObjectiveOf(plan);
        for (int sweep = 0, idle = 0; idle < 2; sweep++)
        {
            var before = objective;
            foreach (var group in Groups(products, sweep))
            {
                if (enough())
                    return;
                Array.Clear(inGroup);
                foreach (var p in group)
                    inGroup[p] = true;
                if (!Step(group))
                    return;
            }
            idle = objective < before - (1e-9 * Math.Abs(before)) ? 0 : idle + 1;
        }

        // Plans one group again; false when the cancellation came.
        bool Step(int[] group)
        {
            bool InGroup(int product) => inGroup[product];
            var groupEnabled = new bool[problem.SourceCount];
            for (var s = 0; s < groupEnabled.Length; s++)
                groupEnabled[s] = enabled[s] && InGroup(problem.SourceProduct[s]);
            var groupDemand = new double[problem.DemandCount];
            for (var d = 0; d < groupDemand.Length; d++)
                groupDemand[d] = InGroup(problem.DemandProduct[d]) ? demand[d] : 0;
            var room = (double[])capacity.Clone();
            for (var a = 0; a < plan.Length; a++)
                if (plan[a] > 0 && !InGroup(problem.SourceProduct[problem.ArcSource[a]]) && problem.ArcRoute[a] is var r and >= 0)
                    room[r] = Math.Max(0, room[r] - plan[a]);

            FlowSolution step;
            try
            {
                step = FlowSolver.Solve(problem, groupEnabled, groupDemand, room, options with { TimeLimit = options.TimeLimit - clock.Elapsed, Log = null, Progress = null });
            }
            catch (OperationCanceledException) when (options.Cancellation.IsCancellationRequested)
            {
                return false;
            }

            var candidate = (double[])plan.Clone();
            for (var a = 0; a < candidate.Length; a++)
                if (InGroup(problem.SourceProduct[problem.ArcSource[a]]))
                    candidate[a] = step.Quantity[a];
            var after = arcs.ObjectiveOf(candidate);
            options.Log?.Invoke(FormattableString.Invariant(
                $"group of products {string.Join(",", group)}: {step.Status} in {step.Seconds:F1} s, plan {objective:R} → {after:R}"));
            if (after < objective)
            {
                Array.Copy(candidate, plan, plan.Length);
                objective = after;
                offer(candidate, after);
            }
            return true;
        }
    }
}
