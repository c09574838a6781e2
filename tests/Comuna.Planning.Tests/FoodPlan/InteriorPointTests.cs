using Comuna.Planning.FoodPlan;

namespace Comuna.Planning.Tests.FoodPlan;

/// <summary>CLP reached through its C interface: the interior point, its crossover, and the way from an interior optimum to a vertex.</summary>
public sealed class InteriorPointTests
{
    private static readonly ClpInteriorPoint.Matrix Edge = ClpProgrammes.Edge;

    [Fact]
    public void TheInteriorPoint_WithoutCrossover_StopsInsideTheOptimalEdge_WithItsOptimum()
    {
        Assert.True(ClpInteriorPoint.IsAvailable, "CLP's C interface (libClp from Google.OrTools' runtime package) did not load");

        var solution = ClpInteriorPoint.Solve(Edge, ClpInteriorPoint.Method.Barrier);

        Assert.Equal(0, solution.Status);
        Assert.Equal(-68, solution.Objective, 1e-5);
        Assert.InRange(solution.Columns[0], 2.01, 3.99);
        AssertFeasible(solution.Columns);
        // The duals price the used arcs at their cost: −5 = y(supply 1) + y(need 1) + y(shared).
        var y = solution.RowDuals;
        Assert.Equal(-5, y[0] + y[2] + y[4], 1e-5);
        Assert.Equal(-6, y[1] + y[3] + y[4], 1e-5);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ASolveOutOfCpuTime_StopsAtItsFirstIteration_NotOptimal(bool simplex)
    {
        var method = simplex ? ClpInteriorPoint.Method.PrimalFrom : ClpInteriorPoint.Method.Barrier;

        var solution = ClpInteriorPoint.Solve(Edge, method, simplex ? [0, 0, 0, 0] : null, cpuSeconds: 0);

        Assert.NotEqual(0, solution.Status);
        Assert.True(solution.Iterations <= 1, $"{solution.Iterations} iterations");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ACrossover_OrThePrimalSimplexFromTheInteriorOptimum_EndsAtAnOptimalVertex(bool crossover)
    {
        var method = crossover ? ClpInteriorPoint.Method.BarrierAndCrossover : ClpInteriorPoint.Method.PrimalFrom;
        var from = crossover ? null : ClpInteriorPoint.Solve(Edge, ClpInteriorPoint.Method.Barrier).Columns;

        var solution = ClpInteriorPoint.Solve(Edge, method, from);

        Assert.Equal(0, solution.Status);
        Assert.Equal(-68, solution.Objective, 1e-6);
        Assert.True(Math.Abs(solution.Columns[0] - 2) < 1e-7 || Math.Abs(solution.Columns[0] - 4) < 1e-7, $"x11 = {solution.Columns[0]:R}, not an end of the edge");
        AssertFeasible(solution.Columns);
    }

    [Fact]
    public void Plan_ByTheInteriorPoint_EndsAtAVertex_AsFewArcsAsTheSimplexUses()
    {
        // A fifth of the benchmark's regional instance, whose optimum is not unique: the interior
        // optimum spreads over about 27 % more arcs than a vertex, and the delivery orders would
        // say so. Two vertices may differ a little in size; the centre of the optimal face does not.
        var problem = PlanBuilder.Problem(SyntheticPlan.Generate(SyntheticPlan.Shape.Regional with { Consumers = 600, Producers = 200, PortReach = 100 }, 2026));
        var all = Enumerable.Repeat(true, problem.SourceCount).ToArray();
        var log = new List<string>();

        var interior = FlowSolver.Solve(problem, all, problem.DemandQuantity, problem.RouteCapacity, new FlowSolver.Options { Log = log.Add });
        var simplex = FlowSolver.Solve(problem, all, problem.DemandQuantity, problem.RouteCapacity, new FlowSolver.Options { Barrier = false });

        Assert.Equal("optimal", interior.Status);
        Assert.Equal("optimal", simplex.Status);
        Assert.Contains(log, line => line.StartsWith("vertex: objective", StringComparison.Ordinal));
        var used = interior.Quantity.Count(x => x > 0);
        var usedBySimplex = simplex.Quantity.Count(x => x > 0);
        Assert.True(used <= usedBySimplex * 1.05, $"{used} arcs used against the simplex's {usedBySimplex}");
        Assert.Equal(simplex.Objective, interior.Objective, Math.Abs(simplex.Objective) * 1e-7);
    }

    private static void AssertFeasible(double[] x)
    {
        const double slack = 1e-6;
        Assert.All(x, v => Assert.True(v >= -slack));
        Assert.True(x[0] + x[1] <= 10 + slack);
        Assert.True(x[2] + x[3] <= 10 + slack);
        Assert.True(x[0] + x[2] <= 8 + slack);
        Assert.True(x[1] + x[3] <= 8 + slack);
        Assert.True(x[0] + x[3] <= 6 + slack);
    }
}
