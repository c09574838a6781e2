using Comuna.Planning.FoodPlan;

namespace Comuna.Planning.Tests.FoodPlan;

/// <summary>
/// The sweep that improves a plan ten products at a time, in the truck space the others leave:
/// it may never make a plan worse or break a route, it must gain on a plan that leaves room to
/// gain, and it must keep to the supplies and needs it was given (the import-first policy plans
/// with some supplies switched off and needs already partly met).
/// </summary>
public sealed class ProductGroupSweepTests
{
    /// <summary>Fourteen products: one group of ten and one of four.</summary>
    private static PlanInput Instance(int seed, double capacityShare) => ProductNetworks.Tight(seed, capacityShare, products: 14);

    [Theory]
    [InlineData(31, 0.05)]
    [InlineData(32, 0.08)]
    public void Sweep_ImprovesAPlanProductAfterProduct_WithinEveryRoute_AndNeverPastTheOptimum(int seed, double capacityShare)
    {
        var input = Instance(seed, capacityShare);
        var (problem, arcs, products) = ProductNetworks.Of(input);
        var everySource = Enumerable.Repeat(true, problem.SourceCount).ToArray();
        var plan = products.OneAfterAnother(new double[problem.RouteCount]);
        var start = arcs.ObjectiveOf(plan);
        var offers = new List<double>();

        ProductGroupSweep.Sweep(problem, arcs, everySource, problem.DemandQuantity, problem.RouteCapacity, plan,
            FlowSolver.Options.Default, (offered, objective) =>
            {
                PlanAssert.RespectsEverything(problem, offered);
                Assert.Equal(arcs.ObjectiveOf(offered), objective, 1e-6 * Math.Abs(objective));
                offers.Add(objective);
            }, () => false);

        var swept = arcs.ObjectiveOf(plan);
        var optimum = FlatPlanLp.Solve(input, problem.SpoiledPerUnit, problem.UnmetPerUnit).Objective - problem.ConstantObjective();
        PlanAssert.RespectsEverything(problem, plan);
        Assert.True(swept < start, $"planning ten products together should gain on a plan made one product after another: {start:R} → {swept:R}");
        Assert.True(swept >= optimum - (1e-7 * Math.Abs(optimum)), $"a swept plan {swept:R} better than the optimum {optimum:R} cannot respect every route");
        Assert.NotEmpty(offers);
        Assert.Equal(swept, offers[^1], 1e-6 * Math.Abs(swept));
        Assert.True(offers.Zip(offers.Skip(1)).All(pair => pair.Second < pair.First), "each plan offered is better than the one before");
    }

    /// <summary>
    /// A group's own solve has the whole problem's fourteen products but only its ten in play: it
    /// must not sweep itself, which would solve the same group again inside its own solve.
    /// </summary>
    [Fact]
    public void Applies_CountsTheProductsInPlay_NotThoseOfTheProblem()
    {
        var (problem, _, _) = ProductNetworks.Of(Instance(34, 0.06));
        var everySource = Enumerable.Repeat(true, problem.SourceCount).ToArray();
        var group = ProductGroupSweep.Groups(problem.ProductIds.Length, 0)[0].ToHashSet();
        var groupSources = Enumerable.Range(0, problem.SourceCount).Select(s => group.Contains(problem.SourceProduct[s])).ToArray();
        var groupNeeds = Enumerable.Range(0, problem.DemandCount).Select(d => group.Contains(problem.DemandProduct[d]) ? problem.DemandQuantity[d] : 0).ToArray();
        var noNeeds = new double[problem.DemandCount];
        var noSources = new bool[problem.SourceCount];

        Assert.Equal(10, group.Count);
        Assert.True(ProductGroupSweep.Applies(problem, everySource, problem.DemandQuantity));
        Assert.False(ProductGroupSweep.Applies(problem, groupSources, groupNeeds));
        // A product is in play with a lot to ship or with a need left, either one.
        Assert.True(ProductGroupSweep.Applies(problem, everySource, noNeeds));
        Assert.True(ProductGroupSweep.Applies(problem, noSources, problem.DemandQuantity));
        Assert.False(ProductGroupSweep.Applies(problem, noSources, noNeeds));
    }

    [Fact]
    public void Sweep_KeepsToTheSuppliesAndNeedsItWasGiven()
    {
        var (problem, arcs, _) = ProductNetworks.Of(Instance(33, 0.06));
        // The import-first policy's second stage: domestic lots only, for what imports left unmet (here half of every need).
        var domesticOnly = problem.SourceIsImport.Select(isImport => !isImport).ToArray();
        var halfNeeds = problem.DemandQuantity.Select(q => q / 2).ToArray();
        var plan = new double[problem.ArcCount];

        ProductGroupSweep.Sweep(problem, arcs, domesticOnly, halfNeeds, problem.RouteCapacity, plan, FlowSolver.Options.Default, (_, _) => { }, () => false);

        PlanAssert.RespectsEverything(problem, plan);
        Assert.True(plan.Sum() > 0, "the sweep should plan something where nothing was planned");
        var delivered = new double[problem.DemandCount];
        for (var a = 0; a < plan.Length; a++)
        {
            Assert.True(plan[a] == 0 || domesticOnly[problem.ArcSource[a]], $"arc {a} ships {plan[a]} from a supply switched off");
            delivered[problem.ArcDemand[a]] += plan[a];
        }
        for (var d = 0; d < delivered.Length; d++)
            Assert.True(delivered[d] <= halfNeeds[d] + 1e-6, $"need {d} gets {delivered[d]}, beyond the {halfNeeds[d]} given");
    }

    [Fact]
    public void Sweep_StopsWhenTold_WithThePlanAsItStands()
    {
        var (problem, arcs, products) = ProductNetworks.Of(Instance(34, 0.05));
        var everySource = Enumerable.Repeat(true, problem.SourceCount).ToArray();
        var plan = products.OneAfterAnother(new double[problem.RouteCount]);
        var before = (double[])plan.Clone();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        ProductGroupSweep.Sweep(problem, arcs, everySource, problem.DemandQuantity, problem.RouteCapacity, plan,
            FlowSolver.Options.Default with { Cancellation = cancelled.Token }, (_, _) => Assert.Fail("nothing should be offered"), () => false);
        ProductGroupSweep.Sweep(problem, arcs, everySource, problem.DemandQuantity, problem.RouteCapacity, plan,
            FlowSolver.Options.Default, (_, _) => Assert.Fail("nothing should be offered"), () => true);

        Assert.Equal(before, plan);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(14)]
    [InlineData(11)]
    public void Groups_TakeEveryProductOnce_AtMostTenTogether_AndMixThemDifferentlyFromOneSweepToTheNext(int products)
    {
        var inOrder = ProductGroupSweep.Groups(products, 0);
        var interleaved = ProductGroupSweep.Groups(products, 1);

        foreach (var groups in new[] { inOrder, interleaved })
        {
            Assert.Equal(Enumerable.Range(0, products), groups.SelectMany(g => g).Order());
            Assert.All(groups, g => Assert.InRange(g.Length, 1, ProductGroupSweep.GroupSize));
        }
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], inOrder[0]);
        Assert.Equal([0, 4, 8, 12, 16, 20, 24, 28, 32, 36], ProductGroupSweep.Groups(40, 1)[0]);
        Assert.DoesNotContain(interleaved, g => inOrder.Any(h => h.SequenceEqual(g)));
        Assert.Equal(inOrder, ProductGroupSweep.Groups(products, 2));
    }
}
