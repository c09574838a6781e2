using System.Globalization;
using System.Text.Json;
using Comuna.Planning.FoodPlan;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Cli.Tests;

/// <summary><c>comuna plan</c> run as a process, on the JSON contract of the food plan.</summary>
public sealed class PlanCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("comuna-plan-").FullName;

    // El Maizal grows 10 t of maize for Barquisimeto's 18 t; the port can bring 5 t more over its
    // full road; 3 t stay unmet. Import-first fills the port's road first too, so here both agree.
    private const string Plan = """
        {
          "products": [{ "id": "maiz", "name": "Maíz", "unit": "t" }],
          "places": [
            { "id": "A", "name": "El Maizal", "lat": 9.7, "lon": -69.5 },
            { "id": "B", "name": "Barquisimeto", "lat": 10.1, "lon": -69.3 },
            { "id": "P", "name": "Puerto Cabello", "lat": 10.4, "lon": -68.0 }
          ],
          "lots": [{ "place": "A", "product": "maiz", "quantity": 10, "availableDay": 0, "spoilsAfterDay": 9 }],
          "needs": [{ "place": "B", "product": "maiz", "quantity": 18 }],
          "routes": [
            { "from": "A", "to": "B", "costPerUnit": 2, "days": 1, "capacity": 7 },
            { "from": "P", "to": "B", "costPerUnit": 1, "days": 1, "capacity": 5 }
          ],
          "imports": [{ "product": "maiz", "place": "P", "costPerUnit": 9, "capacity": null }],
          "penalties": { "spoiledPerUnit": 1000, "unmetPerUnit": 100 }
        }
        """;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(ComunaProcess.Outcome Outcome, string Output)> RunAsync(string json, params string[] more)
    {
        var input = Path.Combine(_folder, "plan.json");
        var output = Path.Combine(_folder, "result.json");
        await File.WriteAllTextAsync(input, json, TestContext.Current.CancellationToken);
        var outcome = await ComunaProcess.RunAsync(["plan", "--input", input, "--output", output, .. more], TestContext.Current.CancellationToken);
        return (outcome, output);
    }

    [Fact]
    public async Task Plan_AValidInput_WritesTheOptimalPlanInTheContractsShape()
    {
        var (outcome, output) = await RunAsync(Plan);

        Assert.True(outcome.ExitCode == 0, outcome.Output + outcome.Error);
        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken));
        var root = result.RootElement;
        Assert.Equal("optimal", root.GetProperty("status").GetString());
        // 3 t of maize lost (the road carries 7), 7 + 5 delivered, 6 unmet.
        var objective = (1000 * 3) + (100 * 6) + (2 * 7) + ((1 + 9) * 5);
        Assert.Equal(objective, root.GetProperty("objective").GetDouble(), 1e-6);
        Assert.Equal(objective, root.GetProperty("bound").GetDouble(), 1e-6);
        var shipments = root.GetProperty("shipments").EnumerateArray()
            .Select(s => (s.GetProperty("from").GetString(), s.GetProperty("to").GetString(), s.GetProperty("product").GetString(), s.GetProperty("quantity").GetDouble()))
            .ToList();
        Assert.Equal([("A", "B", "maiz", 7.0), ("P", "B", "maiz", 5.0)], shipments);
        var import = Assert.Single(root.GetProperty("imports").EnumerateArray().ToList());
        Assert.Equal(("maiz", "P", 5.0), (import.GetProperty("product").GetString(), import.GetProperty("place").GetString(), import.GetProperty("quantity").GetDouble()));
        Assert.Equal(6, Assert.Single(root.GetProperty("unmet").EnumerateArray().ToList()).GetProperty("quantity").GetDouble());
        Assert.Equal(3, Assert.Single(root.GetProperty("spoiled").EnumerateArray().ToList()).GetProperty("quantity").GetDouble());
        var comparison = root.GetProperty("summary").GetProperty("comparison").EnumerateArray().Select(c => c.GetProperty("policy").GetString()).ToList();
        Assert.Equal(["production-first", "import-first"], comparison);
        Assert.Contains("import-first", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_ImportFirst_FillsTheSharedRoadWithImportsAndLosesTheHarvest()
    {
        // One road carries both the farm's and the port's maize: import-first fills it with imports.
        var shared = Plan.Replace("{ \"id\": \"P\", \"name\": \"Puerto Cabello\", \"lat\": 10.4, \"lon\": -68.0 }",
                "{ \"id\": \"P\", \"name\": \"Puerto en la finca\", \"lat\": 9.7, \"lon\": -69.5 }", StringComparison.Ordinal)
            .Replace("\"place\": \"P\", \"costPerUnit\": 9", "\"place\": \"A\", \"costPerUnit\": 1", StringComparison.Ordinal);

        var (production, productionOutput) = await RunAsync(shared);
        var productionLost = await LostAsync(productionOutput);
        var (imports, importsOutput) = await RunAsync(shared, "--policy", "import-first");

        Assert.Equal(0, production.ExitCode);
        Assert.Equal(0, imports.ExitCode);
        Assert.Equal(3, productionLost, 1e-6);
        Assert.Equal(10, await LostAsync(importsOutput), 1e-6);
    }

    [Theory, BothEngines]
    public async Task Plan_WithABasket_TheRegistrysCommunesNeedTheirFamiliesTimesIt(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        var engineArguments = database.CommandLine;
        int families;
        await using (var db = database.NewContext())
            families = await db.Households.CountAsync(h => h.Council!.Commune!.Code == "COM-PO-TIERRAFERTIL", ct);
        var basket = Path.Combine(_folder, "canasta.txt");
        await File.WriteAllTextAsync(basket, "# por familia y quincena\nmaiz 0,01\n", ct);

        var (outcome, output) = await RunAsync(Plan, ["--basket", basket, "--communes", "COM-PO-TIERRAFERTIL", .. engineArguments]);

        Assert.True(outcome.ExitCode == 0, outcome.Output + outcome.Error);
        Assert.Contains($"Needs from the census: 1 commune(s), {families} families ({families} counted in the census, 0 declared by councils without census).", outcome.Output, StringComparison.Ordinal);
        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(output, ct));
        var summary = result.RootElement.GetProperty("summary");
        // Barquisimeto's 18 t, and Tierra Fértil's families × 10 kg, which no road reaches: all unmet.
        Assert.Equal(18 + (families * 0.01), summary.GetProperty("need").GetDouble(), 1e-9);
        var unmet = result.RootElement.GetProperty("unmet").EnumerateArray().Single(u => u.GetProperty("place").GetString() == "COM-PO-TIERRAFERTIL");
        Assert.Equal(families * 0.01, unmet.GetProperty("quantity").GetDouble(), 1e-9);

        // A bad basket line, or a commune the registry does not have, is named and nothing is written.
        File.Delete(output);
        await File.WriteAllTextAsync(basket, "maiz\n", ct);
        var (badBasket, badOutput) = await RunAsync(Plan, ["--basket", basket, .. engineArguments]);
        Assert.Equal(2, badBasket.ExitCode);
        Assert.Contains("basket line 1 (\"maiz\"): expected a product and a quantity per family.", badBasket.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(badOutput));
        await File.WriteAllTextAsync(basket, "maiz 0.01\n", ct);
        var (unknown, _) = await RunAsync(Plan, ["--basket", basket, "--communes", "COM-XX-ATLANTIDA", .. engineArguments]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("No commune in the registry has the code \"COM-XX-ATLANTIDA\".", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_WithProgress_SaysHowFarEachSolveHasCome()
    {
        var input = PlanJson.WriteInput(SyntheticPlan.Generate(SyntheticPlan.Shape.Regional with { Consumers = 300, Producers = 100, PortReach = 50 }, 2026));

        var (outcome, _) = await RunAsync(input, "--progress");

        Assert.True(outcome.ExitCode == 0, outcome.Output + outcome.Error);
        // Production-first solves once, then the comparison's import-first twice (imports, then domestic produce).
        var lines = outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.Matches(@"^solve [123]: round \d+( under way)?, \d+\.\d s, gap \d\.\dE[-+]\d{3}$", line));
        Assert.Contains(lines, line => line.StartsWith("solve 1: round 0, ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("solve 3: ", StringComparison.Ordinal));
        // The plan is proven: the last report of its solve says within 1e-6.
        var last = lines.Last(line => line.StartsWith("solve 1: ", StringComparison.Ordinal));
        Assert.InRange(double.Parse(last[(last.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture), 0, 1e-6);
    }

    [Fact]
    public async Task Plan_AskedForAGap_EndsWithinItAndSaysSo()
    {
        // Ten products over 200 producers and 600 communes: the plan made at the route prices is
        // within 2 % long before the optimum is proven.
        var input = PlanJson.WriteInput(SyntheticPlan.Generate(SyntheticPlan.Shape.Regional with { Consumers = 600, Producers = 200, PortReach = 100 }, 2026));

        var (outcome, output) = await RunAsync(input, "--gap", "0.02", "--time-limit", "120", "--verbose");

        Assert.True(outcome.ExitCode == 0, outcome.Output + outcome.Error);
        // --verbose says how the solve went, on the error stream: here it ended before any LP solve.
        Assert.Contains("start: ", outcome.Error, StringComparison.Ordinal);
        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken));
        Assert.Equal("within-gap", result.RootElement.GetProperty("status").GetString());
        var objective = result.RootElement.GetProperty("objective").GetDouble();
        var bound = result.RootElement.GetProperty("bound").GetDouble();
        Assert.InRange((objective - bound) / objective, 1e-6, 0.02);
    }

    [Theory]
    [InlineData("--gap", "0", "--gap must be a share above 0 and below 1")]
    [InlineData("--gap", "1.5", "--gap must be a share above 0 and below 1")]
    [InlineData("--time-limit", "-5", "--time-limit must be a number of seconds above 0")]
    [InlineData("--time-limit", "soon", "soon")]
    [InlineData("--policy", "cheapest-first", "cheapest-first")]
    [InlineData("--speed", "fast", "--speed")]
    public async Task Plan_ABadOptionOrValue_IsBadInput_RefusedByName(string option, string value, string message)
    {
        var (outcome, output) = await RunAsync(Plan, option, value);

        Assert.Equal(2, outcome.ExitCode);
        AssertRefused(outcome, output, message);
    }

    /// <summary>The error names the problem, and no result was written.</summary>
    private static void AssertRefused(ComunaProcess.Outcome outcome, string output, string message)
    {
        Assert.Contains(message, outcome.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    private static async Task<double> LostAsync(string output)
    {
        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken));
        return result.RootElement.GetProperty("summary").GetProperty("domesticLost").GetDouble();
    }

    [Theory]
    [InlineData("\"to\": \"B\", \"costPerUnit\": 1", "\"to\": \"Atlantis\", \"costPerUnit\": 1", "routes[1] (P → Atlantis) goes nowhere: unknown place \"Atlantis\"")]
    [InlineData("\"product\": \"maiz\", \"quantity\": 18", "\"product\": \"arroz\", \"quantity\": 18", "needs[0] (place \"B\", product \"arroz\"): unknown product \"arroz\"")]
    [InlineData("\"quantity\": 10", "\"quantity\": -10", "lots[0] (place \"A\", product \"maiz\"): quantity -10 is negative")]
    [InlineData("\"quantity\": 18 }]", "\"quantity\": 18 ],", "Malformed JSON at line 9,")]
    public async Task Plan_BadInput_ExitsNonZeroNamingTheOffendingEntry(string valid, string bad, string message)
    {
        Assert.Contains(valid, Plan, StringComparison.Ordinal);

        var (outcome, output) = await RunAsync(Plan.Replace(valid, bad, StringComparison.Ordinal));

        Assert.Equal(2, outcome.ExitCode);
        AssertRefused(outcome, output, message);
    }
}
