using Comuna.Planning.FoodPlan;

namespace Comuna.Planning.Tests.FoodPlan;

/// <summary>The plan as tables typed on a page: they read to the contract's inputs, bad lines are named, and the inputs write back to the same tables.</summary>
public sealed class PlanTablesTests
{
    private static readonly PlanTables Typed = new(
        Products: "# id; name; unit; weight\nmaiz; Maíz; t\nplatano; Plátano; kg; 0,001",
        Places: "el-maizal; Comuna El Maizal; 9,77; -69.52\nbarquisimeto; Barquisimeto\n\npuerto; Puerto Cabello; 10.47; -68.01",
        Lots: "el-maizal; platano; 100; 0; 5\nel-maizal\tmaiz\t1.234,5",
        Needs: "barquisimeto; platano; 150\nbarquisimeto; maiz; 80,25",
        Routes: "el-maizal; barquisimeto; 3; 1; 160\npuerto; barquisimeto; 1; 1; -\npuerto; el-maizal; 1,5; 2",
        Imports: "maiz; puerto; 2\nplatano; puerto; 1; 40",
        SpoiledPerUnit: "1000", UnmetPerUnit: "100,5");

    [Fact]
    public void TypedTables_ReadAsTheContractsInputs_AndPlan()
    {
        var (input, errors) = Typed.Read();

        Assert.Empty(errors);
        Assert.Equal(["maiz", "platano"], input!.Products!.Select(p => p!.Id));
        Assert.Equal([null, 0.001], input.Products!.Select(p => p!.Weight));
        Assert.Equal(new PlaceInput("el-maizal", "Comuna El Maizal", 9.77, -69.52), input.Places![0]);
        Assert.Equal(new PlaceInput("barquisimeto", "Barquisimeto", null, null), input.Places[1]);
        Assert.Equal(new LotInput("el-maizal", "maiz", 1234.5, null, null), input.Lots![1]);
        Assert.Equal(80.25, input.Needs![1]!.Quantity);
        Assert.Equal([160, null, null], input.Routes!.Select(r => r!.Capacity));
        Assert.Equal(1.5, input.Routes![2]!.CostPerUnit);
        Assert.Equal(new ImportInput("platano", "puerto", 1, 40), input.Imports![1]);
        Assert.Equal(new PenaltiesInput(1000, 100.5), input.Penalties);

        var (problem, invalid) = PlanProblem.Build(input);
        Assert.Empty(invalid);
        Assert.Equal("optimal", FoodPlanner.Plan(problem!, PlanPolicy.ProductionFirst).Status);
    }

    [Fact]
    public void Inputs_WriteBackToTablesThatReadAsTheSameInputs()
    {
        var (input, _) = Typed.Read();
        var odd = input! with { Lots = [.. input.Lots!, new LotInput("el-maizal", "maiz", 1.125, 2, 30)] };

        var tables = PlanTables.Of(odd);
        var (again, errors) = tables.Read();

        Assert.Empty(errors);
        Assert.Equal(PlanJson.WriteInput(odd), PlanJson.WriteInput(again!));
        Assert.Contains("puerto; barquisimeto; 1; 1; -", tables.Routes, StringComparison.Ordinal);
        Assert.Contains("el-maizal; maiz; 1.1250; 2; 30", tables.Lots, StringComparison.Ordinal);
        Assert.Equal("maiz; Maíz; t\nplatano; Plátano; kg; 0.001", tables.Products);
    }

    [Fact]
    public void ABadLine_IsNamedByItsTableAndLine_AndNothingIsRead()
    {
        var bad = Typed with
        {
            Lots = "el-maizal; platano; cien; 0; 5\nel-maizal; maiz; 1.500",
            Needs = "barquisimeto; platano",
            Routes = "el-maizal; barquisimeto; 3; 1; 160; 7",
            UnmetPerUnit = "cien",
        };

        var (input, errors) = bad.Read();

        Assert.Null(input);
        Assert.Equal(
        [
            "Harvest lots line 1 (\"el-maizal; platano; cien; 0; 5\"): \"cien\" is not a number.",
            "Harvest lots line 2 (\"el-maizal; maiz; 1.500\"): \"1.500\" could be thousands or decimals; write 1500 for thousands, 1,5 or 1.50 for decimals.",
            "Needs line 1 (\"barquisimeto; platano\"): expected 3 fields apart by semicolons, found 2.",
            "Routes line 1 (\"el-maizal; barquisimeto; 3; 1; 160; 7\"): expected 4 to 5 fields apart by semicolons, found 6.",
            "Penalties line 1 (\"1000; cien\"): \"cien\" is not a number.",
        ], errors.Select(e => e.Message));
    }

    [Fact]
    public void AnEntryOfTheTables_IsFoundAgainOnTheLineItWasTypedOn()
    {
        var typed = Typed with { Lots = "# cosecha de marzo\nel-maizal; platano; 100; 0; 5\n\n  el-maizal; maiz; 60; 0; 60  " };

        var (input, errors) = typed.Read();
        var (problem, invalid) = PlanProblem.Build(input! with { Lots = [input.Lots![0], input.Lots[1]! with { Place = "el-maisal" }] });

        Assert.Empty(errors);
        Assert.Null(problem);
        var entry = Assert.IsType<PlanEntry>(Assert.Single(invalid).Text.GetArguments()[0]);
        Assert.Equal(new PlanEntry("lots", 1, "(place \"el-maisal\", product \"maiz\")"), entry);
        Assert.Equal("Harvest lots line 4 (\"el-maizal; maiz; 60; 0; 60\")", FormattableString.Invariant(typed.LineOf(entry)!));
        Assert.Equal("Harvest lots line 2 (\"el-maizal; platano; 100; 0; 5\")", FormattableString.Invariant(typed.LineOf(new PlanEntry("lots", 0))!));
        Assert.Null(typed.LineOf(new PlanEntry("lots", 2)));
        Assert.Equal("Penalties", FormattableString.Invariant(typed.LineOf(new PlanEntry("penalties"))!));
    }
}
