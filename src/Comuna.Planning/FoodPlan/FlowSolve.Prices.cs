namespace Comuna.Planning.FoodPlan;

/// <summary>
/// The solve's work at route prices, before the first LP solve (which at national scale takes
/// minutes) and beside it on the other core: the climb of route prices (<see cref="RoutePriceAscent"/>),
/// the prices of supplies, needs and routes in turns (<see cref="BlockPriceDescent"/>), the best
/// plan's truck space traded between products, and the sweep of product groups.
/// </summary>
internal sealed partial class FlowSolve
{
    private readonly RoutePriceAscent climb;
    // The climb measures its steps against its own best bound, not against a better one proven
    // another way: its step lengths and when it gives up are its own.
    private double climbBound = double.NegativeInfinity;

    // The prices of all three families of rows, taken in turns from the climb's, raise the bound
    // far above it. They turn products of their own, so that the climb goes on undisturbed, with
    // its products' trees where it left them: its steps and their average are what make the
    // plans, and a climb moved to the turns' prices stalls at once and ends with fewer steps and
    // a worse plan.
    private readonly BlockPriceDescent descent;
    private ProductFlows? turned;

    // How long the last trade took (in this solve), so that none is begun that would end past the time limit.
    private TimeSpan took;

    // The climb beside the first solve, and what stops it: the solve returned (firstSolveReturned,
    // besideStopped), or the climb proved the plan (climbProved, which stops the solve).
    private Task? climbing;
    private bool firstSolveReturned;
    private readonly CancellationTokenSource climbProved;
    private readonly CancellationTokenSource besideStopped;
    private int stepsFirst;
    private double[]? turnedPrices;

    // What ends the work done before and beside the first solve: the solve returned, the gap is
    // closed, or the time is up.
    private bool BeforeOrBesideDone() => Volatile.Read(ref firstSolveReturned) || Gap(best.Objective) <= options.RelativeGap || clock.Elapsed >= options.TimeLimit;

    // The least gain worth another round of the turns or another trade: 1 % of the gap left, or
    // the gap asked for, whichever is more.
    private double LeastGain() => Math.Max(options.RelativeGap * Math.Max(1, Math.Abs(constant + best.Objective)), 0.01 * (best.Objective - bound));

    /// <summary>
    /// Route prices raise the bound and, averaged, give better plans, before the first LP solve.
    /// From zero prices, a few turns prove at once nearly the bound the climb's first 100 steps
    /// reach: a plan asked within a margin is proven as soon as the climb makes one. By the
    /// interior point, the climb stops after <see cref="FlowSolver.Options.StepsBeforeFirstProgramme"/>
    /// steps, and the first programme also takes the arcs cheapest at the prices where the climb
    /// left the products (or at none, without a climb).
    /// </summary>
    private void ClimbBeforeFirstSolve()
    {
        climbBound = bound;
        if (options.PriceSteps > 0)
            Descend(price);
        stepsFirst = interior is not null ? Math.Min(options.PriceSteps, options.StepsBeforeFirstProgramme) : options.PriceSteps;
        if (stepsFirst > 0)
        {
            var ascent = Climb(stepsFirst);
            // The first master holds the best plan, so that its optimum is no worse, and what the
            // products ship at the best prices (where the climb left them is its last step's).
            bound = Math.Max(bound, products.Bound(ascent.Prices));
            turnedPrices = Descend(ascent.Prices);
            SeedMaster();
            options.Log?.Invoke(Text($"route prices: {ascent.Steps} steps, plan {best.Objective:R}, bound {bound:R}, gap {Gap(best.Objective):E2}, {master.Columns.Count} columns, {master.CapacityRows} rows, at {clock.Elapsed.TotalSeconds:F2} s"));
            Report(0);
        }
        if (interior is not null)
        {
            AddCheapest(products.ReducedCosts(), options.CheapestAtPricesPerNode);
            options.Log?.Invoke(Text($"first programme: {master.Columns.Count} columns, {master.CapacityRows} route rows, at {clock.Elapsed.TotalSeconds:F2} s"));
        }
    }

    /// <summary>
    /// The rest of the climb goes on, one product network at a time, while the interior point
    /// solves the first programme on the other core; it stops when the solve returns
    /// (<see cref="StopClimbing"/>), and until then only it touches the products and the best
    /// plan. Should the climb prove a plan within the gap asked for, the solve is stopped: the
    /// plan is proven, and waiting on would cost up to the whole time limit.
    /// </summary>
    private void StartBesideFirstSolve()
    {
        if (interior is null || options.PriceSteps <= stepsFirst || Gap(best.Objective) <= options.RelativeGap)
            return;
        products.Threads = 1;
        climbing = Task.Run(() =>
        {
            // The plans from the climb's average after its first stretch no longer beat the
            // best plan traded at the turns' prices: trade it first, then climb on for the bound.
            if (turnedPrices is not null)
                Trade(turnedPrices, BeforeOrBesideDone);
            var more = Climb(options.PriceSteps - stepsFirst);
            options.Log?.Invoke(Text($"route prices beside the first solve: {more.Steps} steps in all, plan {best.Objective:R}, bound {bound:R}, gap {Gap(best.Objective):E2}, at {clock.Elapsed.TotalSeconds:F2} s"));
            if (!BeforeOrBesideDone())
                Trade(Descend(more.Prices), BeforeOrBesideDone);
            if (Gap(best.Objective) > options.RelativeGap)
                SweepGroups();
            if (Gap(best.Objective) <= options.RelativeGap)
                climbProved.Cancel();
        });
    }

    /// <summary>Ends the work beside the first solve, once that solve has returned, and waits for it.</summary>
    private void StopClimbing()
    {
        if (climbing is null)
            return;
        Volatile.Write(ref firstSolveReturned, true);
        besideStopped.Cancel();
        climbing.GetAwaiter().GetResult();
        climbing = null;
        products.Threads = Environment.ProcessorCount;
    }

    private RoutePriceAscent.Outcome Climb(int steps)
    {
        var outcome = climb.Climb(steps, climbBound, () => best.Objective,
            plan =>
            {
                var objective = flowArcs.ObjectiveOf(plan);
                options.Log?.Invoke(Text($"  plan at route prices: {objective:R} (gap {Gap(objective):E2}), at {clock.Elapsed.TotalSeconds:F2} s"));
                best.Offer(plan, objective);
            },
            reached =>
            {
                options.Cancellation.ThrowIfCancellationRequested();
                bound = Math.Max(bound, reached);
                ReportOnTheWay();
                return BeforeOrBesideDone();
            });
        climbBound = outcome.Bound;
        return outcome;
    }

    /// <summary>The prices in turns from <paramref name="prices"/>: gives the route prices of the best bound they reached (those they started from, if none better).</summary>
    private double[] Descend(double[] prices)
    {
        if (options.DescentRounds <= 0)
            return prices;
        turned ??= new ProductFlows(problem, flowArcs, demand, capacity, options.Cancellation);
        turned.Threads = products.Threads;
        var outcome = descent.Descend(
            turned, prices, turned.Bound(prices), options.DescentRounds,
            LeastGain(), products.Threads, BeforeOrBesideDone,
            options.Cancellation);
        bound = Math.Max(bound, outcome.Bound);
        options.Log?.Invoke(Text($"prices of supplies, needs and routes in turns: {outcome.Rounds} rounds, bound {bound:R}, gap {Gap(best.Objective):E2}, at {clock.Elapsed.TotalSeconds:F2} s"));
        ReportOnTheWay();
        return outcome.RoutePrices;
    }

    /// <summary>
    /// The best plan's truck space traded between products at route prices (<see cref="ProductFlows.Traded"/>),
    /// again while a trade gains at least 1 % of the gap left: the climb's average shares out the
    /// space of full routes as it found it, and one product at a time can only take free space. A
    /// trade is not begun that would end past the time limit, if it takes as long as the last one took.
    /// </summary>
    private void Trade(double[] prices, Func<bool> stop)
    {
        while (best.Plan is not null && !stop() && clock.Elapsed + took < options.TimeLimit)
        {
            var began = clock.Elapsed;
            var before = best.Objective;
            var traded = products.Traded(best.Plan, prices);
            best.Offer(traded, flowArcs.ObjectiveOf(traded));
            options.Log?.Invoke(Text($"truck space traded at route prices: plan {best.Objective:R}, gap {Gap(best.Objective):E2}, at {clock.Elapsed.TotalSeconds:F2} s"));
            ReportOnTheWay();
            took = clock.Elapsed - began;
            if (before - best.Objective < LeastGain())
                return;
        }
    }

    /// <summary>
    /// Once the climb has ended and the interior point is still at work, the other core improves
    /// the best plan a group of products at a time (<see cref="ProductGroupSweep"/>): on a
    /// programme the interior point solves in time (the regional instance) the solve returns first
    /// and nothing changes; on one it cannot (the national instance), this is what closes the gap.
    /// </summary>
    private void SweepGroups()
    {
        if (best.Plan is null || !ProductGroupSweep.Applies(problem, enabled, demand) || Volatile.Read(ref firstSolveReturned) || clock.Elapsed >= options.TimeLimit)
            return;
        ProductGroupSweep.Sweep(problem, flowArcs, enabled, demand, capacity, (double[])best.Plan.Clone(),
            options with { TimeLimit = options.TimeLimit - clock.Elapsed, Cancellation = besideStopped.Token },
            (plan, objective) =>
            {
                best.Offer(plan, objective);
                ReportOnTheWay();
            },
            BeforeOrBesideDone);
        options.Log?.Invoke(Text($"groups of products swept beside the first solve: plan {best.Objective:R}, gap {Gap(best.Objective):E2}, at {clock.Elapsed.TotalSeconds:F2} s"));
    }
}
