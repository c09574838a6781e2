using Comuna.Application.FoodPlan;
using Comuna.Planning.FoodPlan;
using Comuna.Web.FoodPlan;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.FoodPlan;

/// <summary>The demo's published plan: the rural communes' harvest for the urban ones' census families, nothing lost, offered to Panal 2021's councils.</summary>
public sealed class DemoFoodPlanTests
{
    [Theory, BothEngines]
    public async Task TheDemosPlan_IsPublishedProvenOptimal_LosesNothing_AndIsOfferedToPanalsCouncils(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var db = database.NewContext();

        var plan = await db.SavedPlans.AsNoTracking().SingleAsync(p => p.Id == DemoFoodPlan.Id, ct);
        var result = PlanJson.ReadResult(plan.Result!);
        var council = await db.Councils.Where(k => k.Code == "DC-PANAL2021-CC01").Select(k => k.Id).SingleAsync(ct);
        var offered = await new PlannedProduce(db).ForCouncilAsync(council, ct);

        Assert.NotNull(plan.PublishedAtUtc);
        Assert.Equal("optimal", result.Status);
        Assert.Equal(0, result.Summary.Comparison.Single(c => c.Policy == "production-first").DomesticLost, 6);
        Assert.True(result.Summary.Comparison.Single(c => c.Policy == "import-first").DomesticLost > 10_000, "import-first should let the harvest rot");
        Assert.Equal(["Maíz", "Plátano", "Tomate"], offered.Value.Where(l => l.PlanId == DemoFoodPlan.Id).Select(l => l.ProductName));
        Assert.All(offered.Value, l => Assert.True(l.Units > 0 && l.Units < l.CommuneQuantity));
    }
}
