namespace Comuna.Planning.FoodPlan;

public static partial class FlowSolver
{
    /// <summary>How a solve goes: the gap it stops at, its time limit, its master solver, the steps of its climb, and whom it tells how it went.</summary>
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
}
