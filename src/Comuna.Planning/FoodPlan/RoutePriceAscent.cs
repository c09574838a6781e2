namespace Comuna.Planning.FoodPlan;

/// <summary>
/// Raises the Lagrangian bound of <see cref="ProductFlows"/> by moving the route prices, and
/// makes plans from the average of what the products shipped on the way (<see cref="Plan"/>),
/// before any LP solve. Each step moves
/// every price along the route's overload (what the products ship over it less its capacity),
/// deflected by half the step before so that the prices do not zig-zag between two sets of
/// full routes, and sized by Polyak's rule toward the best plan so far; the step's factor halves
/// whenever ten steps in a row bring no better bound.
/// </summary>
/// <remarks>
/// A climb can be continued where it stopped (<see cref="Climb"/> again): the solver climbs a
/// first stretch to choose the first restricted programme's arcs, then goes on climbing on the
/// other core while the interior point solves that programme.
/// A step re-optimises every product from its last tree (<see cref="NetworkSimplex"/>), which
/// costs a fraction of a second even at national scale, so a few hundred steps cost less than one
/// LP solve of the coupled programme. The bound they prove and the plans made from their average
/// are what a solve stopped before its first LP solve returns; the LP rounds that follow start
/// from them.
/// </remarks>
internal sealed class RoutePriceAscent(ProductFlows products, double[] capacity)
{
    /// <summary>The step's factor starts here and halves after <see cref="Patience"/> steps without a better bound.</summary>
    private const double FirstFactor = 1.0;

    private const int Patience = 10;

    /// <summary>Below this factor the steps are too short to move the bound, and the ascent ends.</summary>
    private const double LastFactor = 1e-3;

    /// <summary>Share of the step before that each step keeps (deflection).</summary>
    private const double Deflection = 0.5;

    /// <summary>Every this many steps, a plan is made at the best prices so far.</summary>
    private const int PlanEvery = 25;

    // Where the climb stands, kept between stretches.
    private readonly double[] price = new double[capacity.Length];
    private readonly double[] bestPrice = new double[capacity.Length];
    private readonly double[] direction = new double[capacity.Length];
    private double factor = FirstFactor;
    private int withoutBetter;
    private int step;
    private bool ended;
    // What the products shipped at every step, weighted by the step's number squared, and the sum of the weights.
    private double[]? shipped;
    private double shippedWeight;

    /// <summary>What the ascent reached: the best bound, the prices that prove it, and how many steps it took in all.</summary>
    public sealed record Outcome(double Bound, double[] Prices, int Steps);

    /// <summary>
    /// Climbs at most <paramref name="steps"/> more steps from where the last stretch stopped (zero
    /// prices at first). <paramref name="bestPlan"/> gives the objective of the best plan so far (the
    /// target of every step) and <paramref name="offer"/> takes every plan made on the way. The
    /// stretch ends early when <paramref name="done"/> says so (the gap is closed, the time is up,
    /// the solver needs the products back); the climb ends for good when the products respect every
    /// route or the steps grow too short to help.
    /// </summary>
    public Outcome Climb(int steps, double startBound, Func<double> bestPlan, Action<double[]> offer, Func<double, bool> done)
    {
        var routes = capacity.Length;
        var load = new double[routes];
        var bound = startBound;
        var taken = 0;
        while (!ended && taken < steps && !done(bound))
        {
            if (factor < LastFactor)
            {
                ended = true;
                break;
            }
            taken++;
            step++;
            products.RouteLoads(load);
            double norm = 0;
            var overloaded = false;
            for (var r = 0; r < routes; r++)
            {
                if (!double.IsFinite(capacity[r]))
                {
                    direction[r] = 0;
                    continue;
                }
                var over = load[r] - capacity[r];
                overloaded |= over > 1e-9 * Math.Max(1, capacity[r]);
                var move = over + (Deflection * direction[r]);
                if (price[r] <= 0 && move < 0)
                    move = 0; // a price at zero cannot fall
                direction[r] = move;
                norm += move * move;
            }
            if (!overloaded)
            {
                // The products respect every route at these prices: their plan is feasible as it stands.
                offer(products.Quantities());
                ended = true;
                break;
            }
            var length = norm <= 0 ? 0 : factor * Math.Max(0, bestPlan() - bound) / norm;
            if (length <= 0)
            {
                ended = true;
                break;
            }
            for (var r = 0; r < routes; r++)
                price[r] = Math.Max(0, price[r] + (length * direction[r]));
            var value = products.Bound(price);
            var weight = (double)step * step;
            products.AddQuantities(shipped ??= new double[products.ArcCount], weight);
            shippedWeight += weight;
            if (value > bound + (1e-12 * Math.Abs(bound)))
            {
                bound = value;
                Array.Copy(price, bestPrice, routes);
                withoutBetter = 0;
            }
            else if (++withoutBetter >= Patience)
            {
                factor /= 2;
                withoutBetter = 0;
            }
            if (step % PlanEvery == 0)
                Plan(offer);
        }
        if (step % PlanEvery != 0 && taken > 0)
            Plan(offer);
        return new Outcome(bound, (double[])bestPrice.Clone(), step);
    }

    /// <summary>
    /// The plan of the climb's average: what the products shipped at every step so far, weighted
    /// toward the later steps, brought within every route and improved one product at a time.
    /// </summary>
    /// <remarks>
    /// Each step's optimum ships each product within its supplies and needs but ignores the routes;
    /// the average of those optima does the same, and as the prices settle it approaches the
    /// optimum of the coupled programme, overloading the routes less and less (ergodic primal
    /// recovery: Larsson, Patriksson and Strömberg, 1999). Weights that grow with the square of the
    /// step's number forget the first steps, far from the optimal prices, sooner than a plain mean.
    /// After 100 steps on the benchmark's national instance this plan is within 3.8e-4 of the bound
    /// (a plain mean: 5.5e-4), where the plan made product after product at the best prices was
    /// within 1.0e-3; on the regional instance, 1.9e-3 against 3.7e-3.
    /// </remarks>
    private void Plan(Action<double[]> offer)
    {
        if (shipped is null)
            return;
        var mean = new double[shipped.Length];
        for (var a = 0; a < mean.Length; a++)
            mean[a] = shipped[a] / shippedWeight;
        offer(products.Improved(products.WithinRoutes(mean), 1));
    }
}
