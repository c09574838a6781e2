using Comuna.Planning.FoodPlan;

namespace Comuna.Planning.Tests.FoodPlan;

public sealed class FoodPlannerTests
{
    private const double Tolerance = 1e-6;

    private static double Shipped(PlanResult result, string from, string to, string product) =>
        result.Shipments.Where(s => s.From == from && s.To == to && s.Product == product).Sum(s => s.Quantity);

    private static double Quantity(IEnumerable<PlaceQuantity> list, string place, string product) =>
        list.Where(q => q.Place == place && q.Product == product).Sum(q => q.Quantity);

    [Fact]
    public void Plan_ALotThatWouldArriveAfterItSpoils_IsNotShippedThere()
    {
        // Tomatoes at the farm from day 1, lost after day 3: the 2-day road to the city arrives on
        // day 3 (in time), the 3-day road to the far town on day 4 (too late), however cheap.
        var input = new PlanBuilder().Products("tomate").Places("finca", "ciudad", "pueblo")
            .Lot("finca", "tomate", 100, available: 1, spoils: 3)
            .Need("ciudad", "tomate", 60).Need("pueblo", "tomate", 80)
            .Route("finca", "ciudad", cost: 5, days: 2).Route("finca", "pueblo", cost: 1, days: 3)
            .Build();

        var result = PlanBuilder.Plan(input);

        Assert.Equal("optimal", result.Status);
        Assert.Equal(60, Shipped(result, "finca", "ciudad", "tomate"), Tolerance);
        Assert.Equal(0, Shipped(result, "finca", "pueblo", "tomate"), Tolerance);
        Assert.Equal(40, Quantity(result.Spoiled, "finca", "tomate"), Tolerance);
        Assert.Equal(80, Quantity(result.Unmet, "pueblo", "tomate"), Tolerance);
        Assert.Equal((1000 * 40) + (100 * 80) + (5 * 60), result.Objective, Tolerance);
        Assert.Equal(result.Objective, result.Bound, 1e-6 * result.Objective);
    }

    [Fact]
    public void Plan_ARouteCapacityIsSharedByAllProducts_AndTheRestGoesTheDearerWay()
    {
        // 100 t of trucks on the cheap road carry maize and beans together; the other 50 t take the dear road.
        var input = new PlanBuilder().Products("maiz", "caraota").Places("finca", "ciudad", "cruce")
            .Lot("finca", "maiz", 80).Lot("finca", "caraota", 70)
            .Need("ciudad", "maiz", 80).Need("ciudad", "caraota", 70)
            .Route("finca", "ciudad", cost: 1, capacity: 100).Route("finca", "ciudad", cost: 4, capacity: null)
            .Build();

        var result = PlanBuilder.Plan(input);

        Assert.Equal("optimal", result.Status);
        Assert.Equal(150, result.Summary.DomesticShipped, Tolerance);
        Assert.Empty(result.Spoiled);
        Assert.Empty(result.Unmet);
        Assert.Equal((100 * 1) + (50 * 4), result.Summary.TransportCost, Tolerance);
        Assert.Equal(300, result.Objective, Tolerance);
        Assert.Equal(1, result.Summary.Statistics.CapacityRows);
    }

    [Fact]
    public void Plan_WhatDomesticProduceCannotCover_IsTheImportGap()
    {
        // 70 of the 100 t of rice come from the farm; the port imports 20 (its capacity) and 10 stay unmet.
        var input = new PlanBuilder().Products("arroz").Places("finca", "ciudad", "puerto")
            .Lot("finca", "arroz", 70).Need("ciudad", "arroz", 100)
            .Route("finca", "ciudad", cost: 2).Route("puerto", "ciudad", cost: 1)
            .Import("arroz", "puerto", cost: 3, capacity: 20)
            .Build();

        var result = PlanBuilder.Plan(input);

        Assert.Equal(70, Shipped(result, "finca", "ciudad", "arroz"), Tolerance);
        Assert.Equal(20, Assert.Single(result.Imports).Quantity, Tolerance);
        Assert.Equal(10, Quantity(result.Unmet, "ciudad", "arroz"), Tolerance);
        var gap = Assert.Single(result.Summary.ImportGap);
        Assert.Equal(("arroz", 100, 70, 20, 10, 30), (gap.Product, gap.Need, gap.Domestic, gap.Imported, gap.Unmet, gap.Gap));
        Assert.Equal((100 * 10) + (2 * 70) + ((1 + 3) * 20), result.Objective, Tolerance);
    }

    [Fact]
    public void Plan_ImportFirst_LosesDomesticProduceThatProductionFirstDelivers()
    {
        // The port's cheap imports would take the only trucks to the city; production-first sends
        // the harvest instead and imports only for the town the farm cannot reach.
        var input = new PlanBuilder().Products("platano").Places("finca", "ciudad", "pueblo", "puerto")
            .Lot("finca", "platano", 100, spoils: 5)
            .Need("ciudad", "platano", 100).Need("pueblo", "platano", 50)
            .Route("finca", "ciudad", cost: 3, days: 1)
            .Route("puerto", "ciudad", cost: 1, days: 1).Route("puerto", "pueblo", cost: 1, days: 1)
            .Import("platano", "puerto", cost: 1, capacity: null)
            .Build();

        var productionFirst = PlanBuilder.Plan(input, PlanPolicy.ProductionFirst);
        var importFirst = PlanBuilder.Plan(input, PlanPolicy.ImportFirst);

        Assert.Equal(0, productionFirst.Summary.DomesticLost, Tolerance);
        Assert.Equal(50, productionFirst.Summary.ImportsNeeded, Tolerance);
        Assert.Equal(100, importFirst.Summary.DomesticLost, Tolerance);
        Assert.Equal(150, importFirst.Summary.ImportsNeeded, Tolerance);
        Assert.True(importFirst.Objective > productionFirst.Objective);
        foreach (var result in new[] { productionFirst, importFirst })
        {
            Assert.Equal(["production-first", "import-first"], result.Summary.Comparison.Select(c => c.Policy));
            Assert.Equal(0, result.Summary.Comparison[0].DomesticLost, Tolerance);
            Assert.Equal(100, result.Summary.Comparison[1].DomesticLost, Tolerance);
        }
    }

    [Fact]
    public void Plan_ALotAtThePlaceOfANeed_ServesItDirectly_AtNoRouteCost()
    {
        var input = new PlanBuilder().Products("yuca").Places("comuna", "vecina")
            .Lot("comuna", "yuca", 30, available: 2, spoils: 2)
            .Need("comuna", "yuca", 20).Need("vecina", "yuca", 20)
            .Route("comuna", "vecina", cost: 1, days: 1)
            .Build();

        var result = PlanBuilder.Plan(input);

        Assert.Equal(20, Shipped(result, "comuna", "comuna", "yuca"), Tolerance);
        Assert.Equal(0, Shipped(result, "comuna", "vecina", "yuca"), Tolerance); // a day's road, but it spoils the day it is ready
        Assert.Equal(10, Quantity(result.Spoiled, "comuna", "yuca"), Tolerance);
        Assert.Equal(0, result.Summary.TransportCost, Tolerance);
    }

    [Fact]
    public void Plan_WithoutPenalties_LostProduceOutweighsUnmetNeed_WhichOutweighsAnyCost()
    {
        // The farm's road to the city costs 40 a unit, the port's import 3 (2 + 1 of road): with the
        // default penalties the harvest still goes rather than be lost, and imports cover the rest.
        var input = new PlanBuilder().Products("papa").Places("finca", "ciudad", "puerto")
            .Lot("finca", "papa", 50).Need("ciudad", "papa", 80)
            .Route("finca", "ciudad", cost: 40).Route("puerto", "ciudad", cost: 1)
            .Import("papa", "puerto", cost: 2, capacity: null)
            .Penalties(null, null)
            .Build();

        var result = PlanBuilder.Plan(input);

        Assert.Equal(10 * (1 + 40), result.Summary.UnmetPerUnit, Tolerance);
        Assert.Equal(10 * 10 * (1 + 40), result.Summary.SpoiledPerUnit, Tolerance);
        Assert.Equal(50, Shipped(result, "finca", "ciudad", "papa"), Tolerance); // dearer than importing, but not lost
        Assert.Equal(30, result.Summary.ImportsNeeded, Tolerance);
        Assert.Empty(result.Unmet);
    }

    [Fact]
    public void Plan_ANeedNobodyCanReach_IsUnmet_AndNothingIsDeliveredBeyondANeed()
    {
        var input = new PlanBuilder().Products("leche").Places("finca", "ciudad", "isla")
            .Lot("finca", "leche", 500).Need("ciudad", "leche", 40).Need("isla", "leche", 10)
            .Route("finca", "ciudad", cost: 1)
            .Build();

        var result = PlanBuilder.Plan(input);

        Assert.Equal(40, Shipped(result, "finca", "ciudad", "leche"), Tolerance);
        Assert.Equal(10, Quantity(result.Unmet, "isla", "leche"), Tolerance);
        Assert.Equal(460, Quantity(result.Spoiled, "finca", "leche"), Tolerance);
    }

    [Fact]
    public void Plan_HugeQuantities_ArePlannedWithoutOverflow()
    {
        var input = new PlanBuilder().Products("arroz").Places("llanos", "caracas")
            .Lot("llanos", "arroz", 4e14).Need("caracas", "arroz", 3e14)
            .Route("llanos", "caracas", cost: 2, capacity: 2e14)
            .Build();

        var result = PlanBuilder.Plan(input);

        Assert.Equal("optimal", result.Status);
        Assert.Equal(2e14, Shipped(result, "llanos", "caracas", "arroz"), 1);
        Assert.Equal(1e14, Quantity(result.Unmet, "caracas", "arroz"), 1);
    }
}
