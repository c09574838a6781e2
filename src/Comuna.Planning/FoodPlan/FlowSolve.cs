using System.Diagnostics;

namespace Comuna.Planning.FoodPlan;

/// <summary>
/// One solve of <see cref="FlowSolver"/>: the state its phases share, and the phases in their
/// order (<see cref="Run"/>). The first restricted programme is seeded; the route prices climb
/// before it is solved and go on beside its solve on the other core (FlowSolve.Prices.cs); the
/// LP rounds run until the best plan is proven or the solve stops short (FlowSolve.Rounds.cs);
/// last, a proven plan is taken to a vertex, and one stopped short is kept within every route.
/// </summary>
/// <remarks>
/// The climb beside the first solve shares this state with the solver's thread: until that solve
/// returns (<see cref="StopClimbing"/>), only the climb touches the products, the best plan and
/// the bound, and the solver's thread waits.
/// </remarks>
internal sealed partial class FlowSolve : IDisposable
{
    private readonly PlanProblem problem;
    private readonly bool[] enabled;
    private readonly double[] demand;
    private readonly double[] capacity;
    private readonly FlowSolver.Options options;
    private readonly Stopwatch clock = Stopwatch.StartNew();

    private readonly FlowArcs flowArcs;
    private readonly double[] cost;   // −profit; 0 marks an arc never worth using
    private readonly double[] upper;
    private readonly bool[] useful;
    private readonly double tolerance;
    private readonly double constant; // for the relative gap

    private readonly bool[] inMaster;
    private readonly InteriorPointProgramme? interior;
    private readonly RestrictedProgramme master;
    private readonly List<int>?[] bySource;
    private readonly List<int>?[] byDemand;

    // The best plan that respects every route so far (shipping nothing, saving 0, to begin with).
    private readonly BestPlan best;

    // The arcs each product would use if no route were full (one network flow per product),
    // re-optimised at route prices for the bound, the climb, the trades and the master's seed.
    private readonly ProductFlows products;
    private readonly double[] price;
    private double bound;

    // How far the solve has come, for the plan page (see Report).
    private int rounds;
    private bool reported;
    private TimeSpan lastReport;

    public FlowSolve(PlanProblem problem, bool[] enabled, double[] demand, double[] capacity, FlowSolver.Options options)
    {
        this.problem = problem;
        this.enabled = enabled;
        this.demand = demand;
        this.capacity = capacity;
        this.options = options;
        flowArcs = new FlowArcs(problem, enabled, demand, capacity);
        cost = flowArcs.Cost;
        upper = flowArcs.Upper;
        useful = flowArcs.Useful;
        tolerance = 1e-9 * flowArcs.Scale;
        constant = problem.ConstantObjective(enabled, demand);

        inMaster = new bool[problem.ArcCount];

        bySource = new List<int>?[problem.SourceCount];
        byDemand = new List<int>?[problem.DemandCount];
        for (var a = 0; a < problem.ArcCount; a++)
        {
            if (!useful[a])
                continue;
            (bySource[problem.ArcSource[a]] ??= []).Add(a);
            (byDemand[problem.ArcDemand[a]] ??= []).Add(a);
        }

        best = new BestPlan(problem, capacity, options.Log);
        price = new double[problem.RouteCount];
        products = new ProductFlows(problem, flowArcs, demand, capacity, options.Cancellation);
        climb = new RoutePriceAscent(products, capacity);
        descent = new BlockPriceDescent(problem, flowArcs, demand, capacity);
        climbProved = CancellationTokenSource.CreateLinkedTokenSource(options.Cancellation);
        besideStopped = CancellationTokenSource.CreateLinkedTokenSource(options.Cancellation);
        quantity = new double[problem.ArcCount];
        ySource = new double[problem.SourceCount];
        yDemand = new double[problem.DemandCount];
        yRoute = new double[problem.RouteCount];
        load = new double[problem.RouteCount];
        perSource = new int[problem.SourceCount];
        perDemand = new int[problem.DemandCount];
        // The master last, so that nothing after it can throw and leave it undisposed.
        interior = options.Barrier && string.Equals(options.MasterSolver, "CLP", StringComparison.OrdinalIgnoreCase) && ClpProcess.IsAvailable
            ? new InteriorPointProgramme(problem, useful, cost, demand, capacity) { Crossover = options.Crossover, WorkerMemory = options.WorkerMemory }
            : null;
        master = interior is not null ? interior : new SimplexProgramme(options.MasterSolver, options.MasterParameters, problem, useful, cost, demand, capacity);
        // The best few arcs of every supply and every need join each round, best first; every arc
        // that pays, when each solve is afresh anyway.
        pricedPerNode = interior is not null ? int.MaxValue : options.PricedPerNode;
    }

    /// <summary>The solve, phase after phase.</summary>
    public FlowSolution Run()
    {
        SeedFirstProgramme();
        ClimbBeforeFirstSolve();
        StartBesideFirstSolve();
        var status = SolveRounds();
        // Only a plan proven by an LP round is taken to a vertex, through that round's programme.
        // One the climb proved alone (within a wider gap asked for) stays as the climb made it:
        // its average spreads over more arcs than a vertex would.
        if (PlanStatus.IsProven(status) && rounds > 0 && interior is { Crossover: false, Stopped: false } && best.Plan is not null)
            TakeToVertex(best.Plan);
        if (!PlanStatus.IsProven(status) && rounds > 0)
            KeepLastRoundWithinRoutes();
        return new FlowSolution(status, best.Plan ?? new double[problem.ArcCount], best.Objective, double.IsFinite(bound) ? Math.Min(bound, best.Objective) : double.NegativeInfinity,
            rounds, master.Columns.Count, master.CapacityRows, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The first restricted programme's arcs and rows, before the climb: by the simplex, the
    /// cheapest few arcs of every supply and need at their own cost; by the interior point, a row
    /// for every route that its arcs could overload. Either way, the arcs the products use at zero
    /// prices, and a first plan made product after product, should the master never finish.
    /// </summary>
    private void SeedFirstProgramme()
    {
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
            for (var a = 0; a < problem.ArcCount; a++)
                if (useful[a] && problem.ArcRoute[a] >= 0)
                    reach[problem.ArcRoute[a]] += upper[a];
            for (var r = 0; r < reach.Length; r++)
                if (Overloaded(reach[r], r))
                    master.AddRouteRow(r);
        }
        bound = products.Bound(price);
        SeedMaster();
        var oneAfterAnother = products.OneAfterAnother(price);
        best.Offer(oneAfterAnother, flowArcs.ObjectiveOf(oneAfterAnother));
        options.Log?.Invoke(Text($"start: {master.Columns.Count} columns, {master.CapacityRows} route rows, at {clock.Elapsed.TotalSeconds:F2} s"));
    }

    private void AddColumn(int a)
    {
        inMaster[a] = true;
        master.AddColumn(a);
    }

    /// <summary>The cheapest <paramref name="perNode"/> arcs of every supply and every need, by <paramref name="by"/>, join the master.</summary>
    private void AddCheapest(double[] by, int perNode)
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

    /// <summary>
    /// The master takes the arcs the products use at their last prices (and those of the best
    /// plan, if any), and a row for each route the products overload there.
    /// </summary>
    private void SeedMaster()
    {
        var flows = products.Quantities();
        for (var a = 0; a < problem.ArcCount; a++)
            if ((flows[a] > 0 || (best.Plan is not null && best.Plan[a] > 0)) && !inMaster[a])
                AddColumn(a);
        var routeLoad = new double[problem.RouteCount];
        products.RouteLoads(routeLoad);
        for (var r = 0; r < routeLoad.Length; r++)
            if (Overloaded(routeLoad[r], r) && !master.HasRow(r))
                master.AddRouteRow(r);
    }

    // A route is overloaded past a relative and an absolute hair, not at the LP's rounding.
    private bool Overloaded(double routeLoad, int r) => routeLoad > (capacity[r] * (1 + 1e-9)) + 1e-9;

    private double Gap(double objective) => (objective - bound) / Math.Max(1, Math.Abs(constant + objective));

    /// <summary>
    /// Tells the plan page how far the solve has come: after every round, and on the way while
    /// the route prices climb (<see cref="ReportOnTheWay"/>), so that the page moves during the
    /// minutes a national programme's interior point takes. Reports come from one thread at a
    /// time: the climb beside a solve reports while the solver's thread waits for that solve.
    /// </summary>
    private void Report(int round, bool onTheWay = false)
    {
        if (options.Progress is null)
            return;
        lastReport = clock.Elapsed;
        options.Progress(new FlowProgress(round, best.Objective, bound, lastReport.TotalSeconds) { StartsASolve = !reported, OnTheWay = onTheWay, Gap = Gap(best.Objective) });
        reported = true;
    }

    private void ReportOnTheWay()
    {
        if (options.Progress is not null && clock.Elapsed - lastReport >= options.ProgressEvery)
            Report(rounds, onTheWay: true);
    }

    /// <summary>
    /// A proven interior optimum taken to a vertex through the last round's programme: it
    /// replaces the interior optimum if it is still proven.
    /// </summary>
    private void TakeToVertex(double[] plan)
    {
        var vertexStart = clock.Elapsed.TotalSeconds;
        var vertex = interior!.Vertex(plan, options.TimeLimit - clock.Elapsed, options.Cancellation);
        var vertexObjective = vertex is null ? double.NaN : flowArcs.ObjectiveOf(vertex);
        if (interior.Failure is { } failure)
            options.Warn?.Invoke(Text($"{failure}; the proven plan is kept as the interior point left it, over more routes than a vertex would use"));
        options.Log?.Invoke(Text($"vertex: {(vertex is null ? "none" : $"objective {vertexObjective:R} against {best.Objective:R}, {vertex.Count(x => x > 0)} arcs against {plan.Count(x => x > 0)}")}, {clock.Elapsed.TotalSeconds - vertexStart:F2} s"));
        // CLP's simplex may end a hair worse than the interior point's objective, never by more
        // than its tolerance.
        if (vertex is not null && (vertexObjective <= best.Objective || Gap(vertexObjective) <= options.RelativeGap))
            best.Offer(vertex, vertexObjective, evenIfWorse: true);
    }

    /// <summary>
    /// Stopped short: the last restricted optimum may overload routes whose rows came after it.
    /// It is repaired (or, should that fail, those routes' shipments are scaled down to
    /// capacity), and the better of it and the best plan before is kept.
    /// </summary>
    private void KeepLastRoundWithinRoutes()
    {
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

    public void Dispose()
    {
        besideStopped.Dispose();
        climbProved.Dispose();
        master.Dispose();
    }

    private static string Text(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
