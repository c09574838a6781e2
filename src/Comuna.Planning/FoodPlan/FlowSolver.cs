namespace Comuna.Planning.FoodPlan;

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
/// One solve's state and its phases, in that order, are a <see cref="FlowSolve"/>.
/// </remarks>
public static partial class FlowSolver
{
    /// <summary>
    /// Plans the supplies that <paramref name="enabled"/> allows against <paramref name="demand"/>
    /// (per need) and <paramref name="capacity"/> (per route). The objective returned is the
    /// saving form's: <c>−Σ profit·x</c> (add <see cref="PlanProblem.ConstantObjective"/>).
    /// </summary>
    public static FlowSolution Solve(PlanProblem problem, bool[] enabled, double[] demand, double[] capacity, Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        using var solve = new FlowSolve(problem, enabled, demand, capacity, options ?? new Options());
        return solve.Run();
    }
}
