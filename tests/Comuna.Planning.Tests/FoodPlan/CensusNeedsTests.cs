using Comuna.Planning.FoodPlan;

namespace Comuna.Planning.Tests.FoodPlan;

public sealed class CensusNeedsTests
{
    private static readonly PlanInput Plan = new()
    {
        Products = [new ProductInput("maiz", "Maíz", "t"), new ProductInput("platano", "Plátano", "t"), new ProductInput("caraota", "Caraota", "t")],
        Places = [new PlaceInput("el-maizal", "El Maizal", 9.77, -69.52), new PlaceInput("COM-A", "Comuna A", null, null)],
        Needs = [new NeedInput("COM-A", "maiz", 999), new NeedInput("COM-A", "caraota", 7), new NeedInput("el-maizal", "maiz", 5)],
    };

    [Fact]
    public void Basket_ReadsOneProductALine_WithADecimalPointOrComma_SkippingBlankAndCommentLines()
    {
        var (items, errors) = Basket.Parse("# canasta quincenal\nmaiz 0.012\n\nplatano: 0,5\r\n");

        Assert.Empty(errors);
        Assert.Equal([new BasketItem(2, "maiz", 0.012), new BasketItem(4, "platano", 0.5)], items);
    }

    [Fact]
    public void Basket_EachBadLine_IsNamedWithItsNumber()
    {
        var (_, errors) = Basket.Parse("maiz\nplatano mucho\ncaraota -1\nmaiz 0.1\nmaiz 0.2");

        Assert.Equal(
            [
                "basket line 1 (\"maiz\"): expected a product and a quantity per family.",
                "basket line 2 (\"platano mucho\"): \"mucho\" is not a quantity.",
                "basket line 3 (\"caraota -1\"): quantity -1 is negative.",
                "basket line 5 (\"maiz 0.2\"): product \"maiz\" is already on line 4.",
            ],
            errors.Select(e => e.Message));
        Assert.Equal("bad-basket", Basket.Parse("  \n# nada").Errors.Single().Code);
    }

    [Fact]
    public void Apply_EachCommuneNeedsItsFamiliesTimesTheBasket_ReplacingOnlyTheBasketsProductsThere()
    {
        var (basket, _) = Basket.Parse("maiz 0.01\nplatano 0.02");

        var (input, errors) = CensusNeeds.Apply(Plan, basket, [new PlaceFamilies("COM-A", "Comuna A", 300), new PlaceFamilies("COM-B", "Comuna B", 50, 10.07, -69.32), new PlaceFamilies("COM-C", "Comuna C", 0)]);

        Assert.Empty(errors);
        // Comuna A's hand-written maize need is replaced; its beans, and El Maizal's maize, stay.
        Assert.Equal(
            [
                new NeedInput("COM-A", "caraota", 7), new NeedInput("el-maizal", "maiz", 5),
                new NeedInput("COM-A", "maiz", 3), new NeedInput("COM-A", "platano", 6),
                new NeedInput("COM-B", "maiz", 0.5), new NeedInput("COM-B", "platano", 1),
            ],
            input!.Needs);
        // The communes not yet places join them, once, with their seat's coordinates.
        Assert.Equal(["el-maizal", "COM-A", "COM-B", "COM-C"], input.Places!.Select(p => p!.Id));
        Assert.Equal(new PlaceInput("COM-B", "Comuna B", 10.07, -69.32), input.Places![2]);
        Assert.Empty(PlanProblem.Build(input with { Lots = [], Routes = [], Imports = [] }).Errors);
    }

    [Fact]
    public void Apply_AProductOfTheBasketNotInThePlan_IsNamedWithItsLine()
    {
        var (basket, _) = Basket.Parse("maiz 0.01\narroz 0.02");

        var (input, errors) = CensusNeeds.Apply(Plan, basket, [new PlaceFamilies("COM-A", "Comuna A", 300)]);

        Assert.Null(input);
        Assert.Equal("basket line 2: unknown product \"arroz\"; the plan's products are caraota, maiz, platano.", errors.Single().Message);
    }
}
