using Comuna.Planning.FoodPlan;
using Google.OrTools.LinearSolver;

namespace Comuna.Planning.Tests.FoodPlan;

/// <summary>
/// The network simplex against GLOP on random transportation problems of the planner's shape
/// (supplies, needs, a root that takes what is not shipped), solved cold and re-solved warm after
/// its costs change.
/// </summary>
public sealed class NetworkSimplexTests
{
    private sealed record Instance(int Supplies, int Needs, int[] From, int[] To, double[] Cost, double[] Upper, double[] Supply);

    private static Instance Random(int seed)
    {
        var random = new Random(seed);
        var supplies = random.Next(3, 30);
        var needs = random.Next(3, 40);
        var nodes = supplies + needs;
        var from = new List<int>();
        var to = new List<int>();
        var cost = new List<double>();
        var upper = new List<double>();
        var supply = new double[nodes];
        for (var s = 0; s < supplies; s++)
        {
            supply[s] = Math.Round(random.NextDouble() * 100, 1);
            from.Add(s);
            to.Add(nodes);
            cost.Add(0);
            upper.Add(double.PositiveInfinity);
        }
        for (var d = 0; d < needs; d++)
        {
            from.Add(supplies + d);
            to.Add(nodes);
            cost.Add(0);
            upper.Add(Math.Round(random.NextDouble() * 80, 1));
        }
        for (var s = 0; s < supplies; s++)
        {
            for (var d = 0; d < needs; d++)
            {
                if (random.NextDouble() > 0.3)
                    continue;
                from.Add(s);
                to.Add(supplies + d);
                cost.Add(-Math.Round(random.NextDouble() * 50, 3));
                upper.Add(random.NextDouble() < 0.5 ? double.PositiveInfinity : Math.Round(random.NextDouble() * 40, 1));
            }
        }
        return new Instance(supplies, needs, [.. from], [.. to], [.. cost], [.. upper], supply);
    }

    private static double Glop(Instance instance, double[] cost)
    {
        using var solver = Solver.CreateSolver("GLOP")!;
        var nodes = instance.Supplies + instance.Needs;
        var balance = new Constraint[nodes + 1];
        for (var v = 0; v <= nodes; v++)
        {
            var b = v < nodes ? instance.Supply[v] : -instance.Supply.Sum();
            balance[v] = solver.MakeConstraint(b, b, "");
        }
        var objective = solver.Objective();
        for (var a = 0; a < instance.From.Length; a++)
        {
            var x = solver.MakeNumVar(0, instance.Upper[a], "");
            objective.SetCoefficient(x, cost[a]);
            balance[instance.From[a]].SetCoefficient(x, 1);
            balance[instance.To[a]].SetCoefficient(x, -1);
        }
        objective.SetMinimization();
        Assert.Equal(Solver.ResultStatus.OPTIMAL, solver.Solve());
        return objective.Value();
    }

    private static void AssertFeasible(Instance instance, NetworkSimplex simplex)
    {
        var nodes = instance.Supplies + instance.Needs;
        var net = new double[nodes + 1];
        for (var a = 0; a < instance.From.Length; a++)
        {
            var x = simplex.Flow(a);
            Assert.InRange(x, -1e-9, instance.Upper[a] + 1e-9);
            net[instance.From[a]] += x;
            net[instance.To[a]] -= x;
        }
        for (var v = 0; v < nodes; v++)
            Assert.Equal(instance.Supply[v], net[v], 1e-7);
    }

    [Theory]
    [InlineData(1), InlineData(2), InlineData(3), InlineData(4), InlineData(5), InlineData(6), InlineData(7), InlineData(8)]
    public void Solve_MatchesGlop_ColdAndAfterItsCostsChange(int seed)
    {
        var instance = Random(seed);
        var cost = instance.Cost.ToArray();
        var simplex = new NetworkSimplex(instance.Supplies + instance.Needs, instance.From, instance.To, cost, instance.Upper, instance.Supply, 50);

        simplex.Solve();

        AssertFeasible(instance, simplex);
        Assert.Equal(Glop(instance, cost), simplex.TotalCost(), 1e-6);

        var random = new Random(seed + 100);
        for (var change = 0; change < 5; change++)
        {
            for (var a = instance.Supplies + instance.Needs; a < cost.Length; a++)
                if (random.NextDouble() < 0.3)
                    simplex.SetCost(a, cost[a] + Math.Round(random.NextDouble() * 20, 3));
            simplex.Solve();
            AssertFeasible(instance, simplex);
            Assert.Equal(Glop(instance, cost), simplex.TotalCost(), 1e-6);
        }
    }

    [Fact]
    public void Solve_PotentialsPriceEveryArcAtItsBound()
    {
        var instance = Random(11);
        var simplex = new NetworkSimplex(instance.Supplies + instance.Needs, instance.From, instance.To, instance.Cost.ToArray(), instance.Upper, instance.Supply, 50);

        simplex.Solve();

        for (var a = 0; a < instance.From.Length; a++)
        {
            var reduced = instance.Cost[a] - simplex.Potential(instance.From[a]) + simplex.Potential(instance.To[a]);
            var x = simplex.Flow(a);
            if (x <= 1e-9)
                Assert.True(reduced >= -1e-7, $"arc {a} empty with reduced cost {reduced}");
            else if (x >= instance.Upper[a] - 1e-9)
                Assert.True(reduced <= 1e-7, $"arc {a} full with reduced cost {reduced}");
            else
                Assert.Equal(0, reduced, 1e-7);
        }
    }
}
