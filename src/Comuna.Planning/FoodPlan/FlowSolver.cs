using System.Diagnostics;

namespace Comuna.Planning.FoodPlan;

/// <summary>What the flow solver found: a quantity per arc, its objective and a proven lower bound.</summary>
public sealed record FlowSolution(
    string Status,
    double[] Quantity,
    double Objective,
    double Bound,
    int Rounds,
    int Columns,
    int CapacityRows,
    double Seconds);

/// <summary>
/// How far a solve has come after a round: the objective of its best plan and the proven bound
/// (saving form). Round 0 is the route prices' ascent, before the first LP solve.
/// </summary>
public sealed record FlowProgress(int Round, double Objective, double Bound, double Seconds)
{
    /// <summary>Whether this is the first report of its solve (a plan made import-first solves twice).</summary>
    public bool StartsASolve { get; init; }

    /// <summary>
    /// Whether this reports round <see cref="Round"/> under way rather than ended: the route prices
    /// climbing, before the first LP solve and beside it, raise the bound and find better plans
    /// while a national programme's interior point runs for minutes.
    /// </summary>
    public bool OnTheWay { get; init; }

    /// <summary>The gap proven so far, as a share of the solve's whole objective (the one it stops at).</summary>
    public double Gap { get; init; } = double.NaN;
}

/// <summary>
/// Solves the plan's linear programme by column and row generation. The programme is a
/// transportation problem per product, coupled only by the routes' shared capacity; most of its
/// arcs are never worth using and most routes never fill. Before any LP solve, route prices climb
/// (<see cref="RoutePriceAscent"/>) to a Lagrangian bound and a plan made from the average of the
/// products' flows on the way; where the climb stalls, the prices of supplies, needs and routes
/// taken in turns (<see cref="BlockPriceDescent"/>) raise the bound further, and at their prices
/// the best plan's truck space is traded between products (<see cref="ProductFlows.Traded"/>). Then a
/// restricted programme holds only the promising arcs (that plan's, the products' at the best
/// prices, the cheapest few of every supply and every need). By default CLP's interior point
/// solves it afresh each round (<see cref="InteriorPointProgramme"/>), with a row from the start
/// for every route that could fill; the proven plan is then taken to a vertex. With the simplex
/// (<see cref="SimplexProgramme"/>: GLOP, or <see cref="Options.Barrier"/> off),
/// capacity rows join only for routes found overloaded, and one model lives through all rounds,
/// carried on from its last basis. Either way the duals — a potential per supply and per need, a
/// price per full route — price every arc of the full programme. Overloaded routes get their row,
/// then the arcs that would lower the objective join (with the simplex, rounds alternate, so that
/// each re-solve sees one kind of change: new rows, dual simplex; new columns, primal simplex),
/// and the loop ends when there is neither: then the restricted optimum is optimal for the full
/// programme.
/// </summary>
/// <remarks>
/// In "saving" form: maximise Σ profit·x, with profit = unmet penalty (+ spoiled penalty for a
/// lot) − cost, subject to supply, need and route rows; the LP solver minimises −profit. Two
/// bounds are proven each round and the better is kept: the one the master's duals give,
/// <c>Σ y·b + Σ min(0, reduced cost)·upper(x)</c>, and the Lagrangian one of the products'
/// own networks (<see cref="ProductFlows"/>, an exact network simplex per product) priced at the
/// master's route duals, which is far stronger from the first round on. The loop also ends as soon
/// as the best plan that respects every route — a restricted optimum without overload, or one
/// repaired by <see cref="PlanRepair"/> — is proven within <see cref="Options.RelativeGap"/>.
/// </remarks>
public static class FlowSolver
{
    public sealed record Options
    {
        /// <summary>The defaults: prove the optimum within ten minutes.</summary>
        public static Options Default { get; } = new();

        /// <summary>
        /// The solve stops once its proven gap is within this share of the whole objective (lost,
        /// unmet and cost): status <see cref="PlanStatus.Optimal"/> if that is within
        /// <see cref="PlanStatus.OptimalGap"/>, else <see cref="PlanStatus.WithinGap"/> (a caller
        /// who would rather have a plan within 0.1 % now than a proof in minutes).
        /// </summary>
        public double RelativeGap { get; init; } = 1e-7;

        /// <summary>
        /// A restricted optimum that overloads no more than this share of the routes is repaired
        /// (<see cref="PlanRepair"/>), and the solve ends there if the repaired plan is proven
        /// within <see cref="RelativeGap"/>. More overloaded routes make the repair a large
        /// programme that the next rounds would solve anyway.
        /// </summary>
        public double RepairOverloadedShare { get; init; } = 0.005;

        /// <summary>
        /// Arcs per supply and per need in the first restricted programme, the cheapest at their own
        /// cost (without <see cref="Barrier"/>; with it, <see cref="CheapestAtPricesPerNode"/> chooses them).
        /// </summary>
        public int InitialPerNode { get; init; } = 6;

        /// <summary>
        /// With <see cref="Barrier"/>: arcs per supply and per need in the first restricted programme,
        /// the cheapest at the route prices the climb ended with (their reduced cost in each product's
        /// network), beside those the products and the best plan use there. The climb's prices are
        /// close to the programme's own, so these are the arcs its optimum is likely to use; the
        /// cheapest at their own cost are mostly arcs whose route is full.
        /// </summary>
        public int CheapestAtPricesPerNode { get; init; } = 2;

        /// <summary>
        /// Each restricted programme is solved afresh by CLP's interior point
        /// (<see cref="InteriorPointProgramme"/>) rather than carried on by the simplex from the
        /// last basis, and it holds from the start a row for every route its arcs could overload:
        /// every restricted optimum then respects every route, and the rounds only add arcs. On the
        /// benchmark's regional instance one interior-point solve of the first programme takes 8 s
        /// (16 s with CLP's crossover) where the dual simplex takes 60 s (and 350 s with every
        /// route's row). Only CLP has it, where its worker (<see cref="ClpProcess"/>, the program
        /// <c>comuna-clp</c>) is installed beside the planner, and a cancel or the time limit ends
        /// a solve with its worker; GLOP always carries on by the simplex. Starting with the
        /// binding routes' rows alone was tried and is slower: 60 s against 41 s on the regional
        /// instance, and still beyond reach on the national one.
        /// </summary>
        public bool Barrier { get; init; } = true;

        /// <summary>
        /// With <see cref="Barrier"/>: whether each interior-point solve ends with CLP's crossover
        /// to a basis. Without it (the default) each solve stops at the interior optimum, whose
        /// duals price arcs and routes as well, and only the proven plan is taken to a vertex
        /// (<see cref="InteriorPointProgramme.Vertex"/>): 41 s against 54 s on the regional instance.
        /// </summary>
        public bool Crossover { get; init; }

        /// <summary>
        /// With <see cref="Barrier"/>: the most resident memory, in bytes, one CLP worker may hold;
        /// null, no bound. A worker that holds more is ended, and that solve counts as failed: the
        /// plan goes on with the best plan it has, under <see cref="PlanStatus.Error"/>, and
        /// <see cref="Warn"/> says why. The server bounds its workers (a national programme's
        /// interior point holds 1–2 GB), so that a plan cannot take the memory the server runs in.
        /// </summary>
        public long? WorkerMemory { get; init; }

        /// <summary>Stops the solve before its next round (OperationCanceledException): the plan page's cancel button.</summary>
        public CancellationToken Cancellation { get; init; }

        /// <summary>Arcs that may join per supply and per need in a round (the most promising first).</summary>
        public int PricedPerNode { get; init; } = 1;

        /// <summary>
        /// Steps of route prices before the first LP solve (<see cref="RoutePriceAscent"/>), each a
        /// re-optimisation of every product's network: they raise the bound, and the average of the
        /// products' flows makes better and better plans; 0 goes straight to the LP rounds.
        /// </summary>
        public int PriceSteps { get; init; } = 300;

        /// <summary>
        /// With <see cref="Barrier"/>: the steps of route prices climbed before the first restricted
        /// programme is chosen; the rest of <see cref="PriceSteps"/> go on, on the other core, while
        /// the interior point solves it, and stop when it returns. A programme the interior point
        /// solves quickly then waits for no more than it needs, and on one it cannot solve within
        /// <see cref="TimeLimit"/> (the national instance) the climb still ends with its best plan.
        /// </summary>
        public int StepsBeforeFirstProgramme { get; init; } = 100;

        /// <summary>
        /// Rounds of the prices of supplies, needs and routes in turns (<see cref="BlockPriceDescent"/>)
        /// at the start and after each stretch of the climb, at most: they stop sooner once a round gains less than 1 %
        /// of the gap left (or than <see cref="RelativeGap"/> of the objective). 0 leaves the
        /// climb's bound as it is.
        /// </summary>
        public int DescentRounds { get; init; } = 50;

        /// <summary>
        /// More new route rows than this in a round, and the master is rebuilt and solved afresh
        /// (with the round's new arcs too) rather than carried on from its last basis: a large
        /// change costs the warm simplex more than a fresh solve with presolve.
        /// </summary>
        public int RebuildAfterRows { get; init; } = int.MaxValue;

        public int MaxRounds { get; init; } = 500;

        public TimeSpan TimeLimit { get; init; } = TimeSpan.FromMinutes(10);

        /// <summary>
        /// The solver of the restricted programme: CLP (by its interior point, see
        /// <see cref="Barrier"/>, or else from its last basis) or GLOP (from its last basis); HIGHS
        /// is accepted but rebuilt every round, and its duals do not price well.
        /// </summary>
        public string MasterSolver { get; init; } = "CLP";

        /// <summary>Parameters for the master solver in its own text format (e.g. GLOP's <c>perturb_costs_in_dual_simplex: true</c>; GLOP's presolve, scaling and simplex choice are set by the solver).</summary>
        public string? MasterParameters { get; init; }

        /// <summary>Where to say how each round went (the benchmark's <c>--verbose</c>).</summary>
        public Action<string>? Log { get; init; }

        /// <summary>
        /// Told what went wrong that the plan carries on from — a CLP worker that died before it
        /// answered, say — for the server's log or the command's standard error.
        /// </summary>
        public Action<string>? Warn { get; init; }

        /// <summary>
        /// Told after every round how far the solve has come (the plan page's progress indicator),
        /// and on the way, as the route prices climb, at most every <see cref="ProgressEvery"/>.
        /// </summary>
        public Action<FlowProgress>? Progress { get; init; }

        /// <summary>The least time between two reports on the way (<see cref="FlowProgress.OnTheWay"/>).</summary>
        public TimeSpan ProgressEvery { get; init; } = TimeSpan.FromSeconds(1);
    }

    /// <summary>
    /// Plans the supplies that <paramref name="enabled"/> allows against <paramref name="demand"/>
    /// (per need) and <paramref name="capacity"/> (per route). The objective returned is the
    /// saving form's: <c>−Σ profit·x</c> (add <see cref="PlanProblem.ConstantObjective"/>).
    /// </summary>
    public static FlowSolution Solve(PlanProblem problem, bool[] enabled, double[] demand, double[] capacity, Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= new Options();
        var clock = Stopwatch.StartNew();
        var arcs = problem.ArcCount;
        var flowArcs = new FlowArcs(problem, enabled, demand, capacity);
        var cost = flowArcs.Cost;   // −profit; 0 marks an arc never worth using
        var upper = flowArcs.Upper;
        var useful = flowArcs.Useful;
        var scale = flowArcs.Scale;
        var tolerance = 1e-9 * scale;

        var constant = problem.ConstantObjective(enabled, demand); // for the relative gap

        var inMaster = new bool[arcs];
        var interior = options.Barrier && string.Equals(options.MasterSolver, "CLP", StringComparison.OrdinalIgnoreCase) && ClpProcess.IsAvailable
            ? new InteriorPointProgramme(problem, useful, cost, demand, capacity) { Crossover = options.Crossover, WorkerMemory = options.WorkerMemory }
            : null;
        using RestrictedProgramme master = interior is not null ? interior : new SimplexProgramme(options.MasterSolver, options.MasterParameters, problem, useful, cost, demand, capacity);
        var columns = master.Columns;

        void AddColumn(int a)
        {
            inMaster[a] = true;
            master.AddColumn(a);
        }

        // The first restricted programme: the cheapest few arcs of every supply and every need (at
        // their own cost here; by the interior point, at the climb's prices once it has ended).
        var bySource = new List<int>?[problem.SourceCount];
        var byDemand = new List<int>?[problem.DemandCount];
        for (var a = 0; a < arcs; a++)
        {
            if (!useful[a])
                continue;
            (bySource[problem.ArcSource[a]] ??= []).Add(a);
            (byDemand[problem.ArcDemand[a]] ??= []).Add(a);
        }
        void AddCheapest(double[] by, int perNode)
        {
            foreach (var list in bySource.Concat(byDemand))
            {
                if (list is null)
                    continue;
                list.Sort((x, y) => by[x].CompareTo(by[y]));
                foreach (var a in list.Take(perNode))
                    if (!inMaster[a])
                        AddColumn(a);
            }
        }

        // The best plan that respects every route so far (shipping nothing, saving 0, to begin with).
        var best = new BestPlan(problem, capacity, options.Log);

        // A route is overloaded past a relative and an absolute hair, not at the LP's rounding.
        bool Overloaded(double routeLoad, int r) => routeLoad > (capacity[r] * (1 + 1e-9)) + 1e-9;

        // The arcs each product would use if no route were full (one network flow per product),
        // with rows for the routes those flows overload, and a first plan made product after
        // product, should the master never finish.
        var price = new double[problem.RouteCount];
        var products = new ProductFlows(problem, flowArcs, demand, capacity, options.Cancellation);
        // The master takes the arcs the products use at their last prices (and those of the
        // best plan, if any), and a row for each route the products overload there.
        void SeedMaster()
        {
            var flows = products.Quantities();
            for (var a = 0; a < arcs; a++)
                if ((flows[a] > 0 || (best.Plan is not null && best.Plan[a] > 0)) && !inMaster[a])
                    AddColumn(a);
            var routeLoad = new double[problem.RouteCount];
            products.RouteLoads(routeLoad);
            for (var r = 0; r < routeLoad.Length; r++)
                if (Overloaded(routeLoad[r], r) && !master.HasRow(r))
                    master.AddRouteRow(r);
        }
        if (interior is null)
        {
            AddCheapest(cost, options.InitialPerNode);
        }
        else
        {
            // Every route that its arcs could overload has its row from the start, so that no
            // restricted optimum overloads a route: rows that turn out never to bind cost the
            // interior point little, and a row that joins later would cost a round.
            var reach = new double[problem.RouteCount];
            for (var a = 0; a < arcs; a++)
                if (useful[a] && problem.ArcRoute[a] >= 0)
                    reach[problem.ArcRoute[a]] += upper[a];
            for (var r = 0; r < reach.Length; r++)
                if (Overloaded(reach[r], r))
                    master.AddRouteRow(r);
        }
        var bound = products.Bound(price);
        SeedMaster();
        var oneAfterAnother = products.OneAfterAnother(price);
        best.Offer(oneAfterAnother, flowArcs.ObjectiveOf(oneAfterAnother));
        options.Log?.Invoke(Text($"start: {columns.Count} columns, {master.CapacityRows} route rows, at {clock.Elapsed.TotalSeconds:F2} s"));

        double Gap(double objective) => (objective - bound) / Math.Max(1, Math.Abs(constant + objective));

        // How far the solve has come, for the plan page: after every round, and on the way while
        // the route prices climb, so that the page moves during the minutes a national
        // programme's interior point takes. Reports come from one thread at a time: the climb
        // beside a solve reports while the solver's thread waits for that solve.
        var rounds = 0;
        var reported = false;
        var lastReport = TimeSpan.Zero;
        void Report(int round, bool onTheWay = false)
        {
            if (options.Progress is null)
                return;
            lastReport = clock.Elapsed;
            options.Progress(new FlowProgress(round, best.Objective, bound, lastReport.TotalSeconds) { StartsASolve = !reported, OnTheWay = onTheWay, Gap = Gap(best.Objective) });
            reported = true;
        }
        void ReportOnTheWay()
        {
            if (options.Progress is not null && clock.Elapsed - lastReport >= options.ProgressEvery)
                Report(rounds, onTheWay: true);
        }

        // Route prices raise the bound and, averaged, give better plans, before the first LP
        // solve (which at national scale takes minutes).
        var climb = new RoutePriceAscent(products, capacity);
        var firstSolveReturned = false;
        // What ends the work done before and beside the first solve: the solve returned, the gap
        // is closed, or the time is up.
        bool BeforeOrBesideDone() => Volatile.Read(ref firstSolveReturned) || Gap(best.Objective) <= options.RelativeGap || clock.Elapsed >= options.TimeLimit;
        // The least gain worth another round of the turns or another trade: 1 % of the gap left,
        // or the gap asked for, whichever is more.
        double LeastGain() => Math.Max(options.RelativeGap * Math.Max(1, Math.Abs(constant + best.Objective)), 0.01 * (best.Objective - bound));
        // The climb measures its steps against its own best bound, not against a better one proven
        // another way: its step lengths and when it gives up are its own.
        var climbBound = bound;
        RoutePriceAscent.Outcome Climb(int steps)
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

        // The prices of all three families of rows, taken in turns from the climb's, raise the
        // bound far above it (BlockPriceDescent). They turn products of their own, so that the
        // climb goes on undisturbed, with its products' trees where it left them: its steps and
        // their average are what make the plans, and a climb moved to the turns' prices stalls at
        // once and ends with fewer steps and a worse plan.
        var descent = new BlockPriceDescent(problem, flowArcs, demand, capacity);
        ProductFlows? turned = null;
        // Gives the route prices of the best bound it reached (those it started from, if none better).
        double[] Descend(double[] prices)
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

        // The best plan's truck space traded between products at route prices (ProductFlows.Traded),
        // again while a trade gains at least 1 % of the gap left: the climb's average shares out
        // the space of full routes as it found it, and one product at a time can only take free space.
        // A trade is not begun that would end past the time limit, if it takes as long as the last
        // one took (in this call or an earlier one).
        var took = TimeSpan.Zero;
        void Trade(double[] prices, Func<bool> stop)
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

        // From zero prices, a few turns prove at once nearly the bound the climb's first 100 steps
        // reach: a plan asked within a margin is proven as soon as the climb makes one.
        if (options.PriceSteps > 0)
            Descend(price);
        var stepsFirst = interior is not null ? Math.Min(options.PriceSteps, options.StepsBeforeFirstProgramme) : options.PriceSteps;
        double[]? turnedPrices = null;
        if (stepsFirst > 0)
        {
            var ascent = Climb(stepsFirst);
            // The first master holds the best plan, so that its optimum is no worse, and what the
            // products ship at the best prices (where the climb left them is its last step's).
            bound = Math.Max(bound, products.Bound(ascent.Prices));
            turnedPrices = Descend(ascent.Prices);
            SeedMaster();
            options.Log?.Invoke(Text($"route prices: {ascent.Steps} steps, plan {best.Objective:R}, bound {bound:R}, gap {Gap(best.Objective):E2}, {columns.Count} columns, {master.CapacityRows} rows, at {clock.Elapsed.TotalSeconds:F2} s"));
            Report(0);
        }

        // By the interior point, the first programme also holds the arcs cheapest at the prices
        // where the climb left the products (or at none, without a climb).
        if (interior is not null)
        {
            AddCheapest(products.ReducedCosts(), options.CheapestAtPricesPerNode);
            options.Log?.Invoke(Text($"first programme: {columns.Count} columns, {master.CapacityRows} route rows, at {clock.Elapsed.TotalSeconds:F2} s"));
        }

        // The rest of the climb goes on, one product network at a time, while the interior point
        // solves the first programme on the other core; it stops when the solve returns, and until
        // then only it touches the products and the best plan. Should the climb prove a plan within
        // the gap asked for, the solve is stopped: the plan is proven, and waiting on would
        // cost up to the whole time limit.
        Task? climbing = null;
        using var climbProved = CancellationTokenSource.CreateLinkedTokenSource(options.Cancellation);
        using var besideStopped = CancellationTokenSource.CreateLinkedTokenSource(options.Cancellation);
        if (interior is not null && options.PriceSteps > stepsFirst && Gap(best.Objective) > options.RelativeGap)
        {
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

        // Once the climb has ended and the interior point is still at work, the other core
        // improves the best plan a group of products at a time (ProductGroupSweep): on a programme
        // the interior point solves in time (the regional instance) the solve returns first and
        // nothing changes; on one it cannot (the national instance), this is what closes the gap.
        void SweepGroups()
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
        void StopClimbing()
        {
            if (climbing is null)
                return;
            Volatile.Write(ref firstSolveReturned, true);
            besideStopped.Cancel();
            climbing.GetAwaiter().GetResult();
            climbing = null;
            products.Threads = Environment.ProcessorCount;
        }

        var quantity = new double[arcs];
        var ySource = new double[problem.SourceCount];
        var yDemand = new double[problem.DemandCount];
        var yRoute = new double[problem.RouteCount];
        var load = new double[problem.RouteCount];
        string? status = null; // until the loop ends
        double primal = 0;

        var dual = false; // the first solve and every solve after new columns: primal simplex
        var rowsLast = false;
        var rebuilt = true; // the first solve is afresh
        var candidates = new List<(double Reduced, int Arc)>();
        var perSource = new int[problem.SourceCount];
        var perDemand = new int[problem.DemandCount];

        // The best few arcs of every supply and every need join, best first; every arc that pays,
        // when each solve is afresh anyway.
        var pricedPerNode = interior is not null ? int.MaxValue : options.PricedPerNode;
        int AddPriced()
        {
            candidates.Sort();
            Array.Clear(perSource);
            Array.Clear(perDemand);
            var joined = 0;
            foreach (var (_, a) in candidates)
            {
                var s = problem.ArcSource[a];
                var d = problem.ArcDemand[a];
                if (perSource[s] >= pricedPerNode && perDemand[d] >= pricedPerNode)
                    continue;
                perSource[s]++;
                perDemand[d]++;
                AddColumn(a);
                joined++;
            }
            return joined;
        }

        // The route prices alone may have proven a plan, or used up the time.
        if (Gap(best.Objective) <= options.RelativeGap)
            status = PlanStatus.Proven(Gap(best.Objective));
        else if (clock.Elapsed > options.TimeLimit)
            status = PlanStatus.TimeLimit;
        while (status is null)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            rounds++;
            if (columns.Count == 0)
            {
                status = PlanStatus.Optimal;
                primal = 0;
                bound = 0;
                break;
            }
            var solveStart = clock.Elapsed.TotalSeconds;
            bool returned;
            double solved;
            try
            {
                returned = master.Solve(options.TimeLimit - clock.Elapsed, dual, climbProved.Token, quantity, ySource, yDemand, yRoute, out solved);
            }
            finally
            {
                StopClimbing();
            }
            if (!returned)
            {
                options.Cancellation.ThrowIfCancellationRequested();
                if (Gap(best.Objective) <= options.RelativeGap)
                {
                    options.Log?.Invoke(Text($"round {rounds}: the climb beside proved the plan within {Gap(best.Objective):E1}; the interior point is stopped, at {clock.Elapsed.TotalSeconds:F2} s"));
                    status = PlanStatus.Proven(Gap(best.Objective));
                    break;
                }
                var stopped = interior is { Stopped: true };
                if (stopped)
                    options.Log?.Invoke(Text($"round {rounds}: the interior point had not returned at {clock.Elapsed.TotalSeconds:F2} s; its worker stopped, the plan is the best so far"));
                else if (interior?.Failure is { } failure)
                {
                    options.Log?.Invoke(Text($"round {rounds}: {failure}; the plan is the best so far"));
                    options.Warn?.Invoke(Text($"{failure}; the plan is the best found before it, not proven"));
                }
                status = stopped || clock.Elapsed >= options.TimeLimit ? PlanStatus.TimeLimit : PlanStatus.Error;
                break;
            }
            primal = solved;
            var lastRebuilt = rebuilt;
            rebuilt = false;
            var solveSeconds = clock.Elapsed.TotalSeconds - solveStart;
            Array.Clear(load);
            foreach (var a in columns)
                if (problem.ArcRoute[a] >= 0)
                    load[problem.ArcRoute[a]] += quantity[a];
            double dualObjective = 0;
            for (var s = 0; s < ySource.Length; s++)
                if (ySource[s] != 0)
                    dualObjective += ySource[s] * problem.SourceSupply[s];
            for (var d = 0; d < yDemand.Length; d++)
                dualObjective += yDemand[d] * demand[d];
            for (var r = 0; r < yRoute.Length; r++)
                if (yRoute[r] != 0)
                    dualObjective += yRoute[r] * capacity[r];

            // Rows: routes the restricted optimum overloads.
            var overloaded = new List<int>();
            for (var r = 0; r < load.Length; r++)
                if (!master.HasRow(r) && Overloaded(load[r], r))
                    overloaded.Add(r);

            // Columns: price every arc with the duals; the Lagrangian bound comes with it.
            candidates.Clear();
            double lagrangian = dualObjective;
            for (var a = 0; a < arcs; a++)
            {
                if (!useful[a])
                    continue;
                var r = problem.ArcRoute[a];
                var reduced = cost[a] - ySource[problem.ArcSource[a]] - yDemand[problem.ArcDemand[a]] - (r >= 0 ? yRoute[r] : 0);
                if (reduced >= 0)
                    continue;
                lagrangian += reduced * upper[a];
                if (!inMaster[a] && reduced <= -tolerance)
                    candidates.Add((reduced, a));
            }
            bound = Math.Max(bound, lagrangian);

            // A stronger bound, from the products' own networks priced at the master's route duals.
            var boundStart = clock.Elapsed.TotalSeconds;
            for (var r = 0; r < yRoute.Length; r++)
                price[r] = -yRoute[r];
            bound = Math.Max(bound, products.Bound(price));
            var boundSeconds = clock.Elapsed.TotalSeconds - boundStart;
            if (overloaded.Count == 0)
                best.Offer(quantity, primal);
            else if (overloaded.Count <= Math.Max(10, options.RepairOverloadedShare * problem.RouteCount)
                && PlanRepair.Repair(problem, flowArcs, demand, capacity, quantity, overloaded, options.MasterSolver, options.TimeLimit - clock.Elapsed) is var (repaired, repairedObjective))
            {
                best.Offer(repaired, repairedObjective);
                options.Log?.Invoke(Text($"round {rounds}: repaired the {overloaded.Count} overloaded routes: objective {repairedObjective:R}, gap {Gap(repairedObjective):E1}, at {clock.Elapsed.TotalSeconds:F2} s"));
            }
            var gap = Gap(best.Objective);
            if (gap <= options.RelativeGap)
            {
                options.Log?.Invoke(Text($"round {rounds}: {columns.Count} columns, {master.CapacityRows} capacity rows, {options.MasterSolver} {solveSeconds:F2} s ({master.Iterations} iterations), products {boundSeconds:F2} s, at {clock.Elapsed.TotalSeconds:F2} s; plan {best.Objective:R}, bound {bound:R}: proven within {gap:E1}"));
                Report(rounds);
                status = PlanStatus.Proven(gap);
                break;
            }

            // GLOP carries on from its last basis only when one kind of change came in, so rounds
            // alternate: rows (dual simplex from the last basis), then the columns priced after
            // them (primal simplex from the last basis), while there are both. Past
            // RebuildAfterRows new rows, both come in and the master starts afresh.
            var added = 0;
            var rowsAdded = 0;
            // By the interior point every solve is afresh anyway: both always come in together.
            var rebuild = interior is not null || overloaded.Count > options.RebuildAfterRows;
            if (rebuild)
            {
                foreach (var r in overloaded)
                    master.AddRouteRow(r);
                rowsAdded = overloaded.Count;
                added = AddPriced();
                master.Rebuild();
                rebuilt = true;
                dual = false;
                rowsLast = false;
            }
            else if (overloaded.Count > 0 && (!rowsLast || candidates.Count == 0))
            {
                foreach (var r in overloaded)
                    master.AddRouteRow(r);
                rowsAdded = overloaded.Count;
                dual = true;
                rowsLast = true;
            }
            else if (candidates.Count > 0)
            {
                added = AddPriced();
                dual = false;
                rowsLast = false;
            }
            options.Log?.Invoke(Text(
                $"round {rounds}: {columns.Count} columns, {master.CapacityRows} capacity rows, {options.MasterSolver} {solveSeconds:F2} s{(interior is not null ? " barrier" : lastRebuilt ? " afresh" : "")} ({master.Iterations} iterations), products {boundSeconds:F2} s, gap {gap:E1}, at {clock.Elapsed.TotalSeconds:F2} s; +{added} arcs, +{rowsAdded} rows ({overloaded.Count} overloaded); objective {primal:R}, bound {bound:R}"));
            Report(rounds);
            if (added == 0 && rowsAdded == 0)
            {
                // The simplex's restricted optimum is then the optimum; the interior point's is
                // one within its tolerance, and the proof is the gap: within 1e-6 of the whole
                // objective at the least.
                status = interior is null ? PlanStatus.Optimal
                    : gap <= Math.Max(options.RelativeGap, PlanStatus.OptimalGap) ? PlanStatus.Proven(gap)
                    : PlanStatus.NotConverged;
                break;
            }
            if (rounds >= options.MaxRounds || clock.Elapsed > options.TimeLimit)
            {
                status = overloaded.Count == 0 ? PlanStatus.Feasible : PlanStatus.NotConverged;
                break;
            }
        }

        // Only a plan proven by an LP round is taken to a vertex, through that round's programme.
        // One the climb proved alone (within a wider gap asked for) stays as the climb made it:
        // its average spreads over more arcs than a vertex would.
        if (PlanStatus.IsProven(status) && rounds > 0 && interior is { Crossover: false, Stopped: false } && best.Plan is not null)
        {
            var vertexStart = clock.Elapsed.TotalSeconds;
            var vertex = interior.Vertex(best.Plan, options.TimeLimit - clock.Elapsed, options.Cancellation);
            var vertexObjective = vertex is null ? double.NaN : flowArcs.ObjectiveOf(vertex);
            if (interior.Failure is { } failure)
                options.Warn?.Invoke(Text($"{failure}; the proven plan is kept as the interior point left it, over more routes than a vertex would use"));
            options.Log?.Invoke(Text($"vertex: {(vertex is null ? "none" : $"objective {vertexObjective:R} against {best.Objective:R}, {vertex.Count(x => x > 0)} arcs against {best.Plan.Count(x => x > 0)}")}, {clock.Elapsed.TotalSeconds - vertexStart:F2} s"));
            // The vertex replaces the interior optimum if it is still proven (CLP's simplex may end
            // a hair worse than the interior point's objective, never by more than its tolerance).
            if (vertex is not null && (vertexObjective <= best.Objective || Gap(vertexObjective) <= options.RelativeGap))
                best.Offer(vertex, vertexObjective, evenIfWorse: true);
        }
        if (!PlanStatus.IsProven(status) && rounds > 0)
        {
            // Stopped short: the last restricted optimum may overload routes whose rows came after
            // it. Repair it (or, should that fail, scale those routes' shipments down to capacity),
            // and keep whichever plan is better: it or the best one before.
            problem.RouteLoads(quantity, load);
            var overloaded = Enumerable.Range(0, load.Length).Where(r => Overloaded(load[r], r)).ToList();
            if (overloaded.Count > 0 && PlanRepair.Repair(problem, flowArcs, demand, capacity, quantity, overloaded, options.MasterSolver, TimeSpan.FromMinutes(1)) is var (repaired, repairedObjective))
            {
                best.Offer(repaired, repairedObjective);
            }
            else
            {
                var within = products.WithinRoutes(quantity);
                best.Offer(within, flowArcs.ObjectiveOf(within));
            }
        }
        return new FlowSolution(status, best.Plan ?? new double[arcs], best.Objective, double.IsFinite(bound) ? Math.Min(bound, best.Objective) : double.NegativeInfinity,
            rounds, columns.Count, master.CapacityRows, clock.Elapsed.TotalSeconds);
    }

    private static string Text(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
