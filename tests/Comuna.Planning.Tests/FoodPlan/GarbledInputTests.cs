using System.Text.Json;
using System.Text.Json.Nodes;
using Comuna.Planning.FoodPlan;

namespace Comuna.Planning.Tests.FoodPlan;

/// <summary>
/// A plan's input garbled at random — a number where a name belongs, 1e308, a list emptied, an entry
/// repeated, the text cut short — is either refused, naming what is wrong, or planned to a result
/// with finite figures that writes back as JSON; never an exception. (Such a garbling found that a
/// penalty of 1e308 made the objective infinite and the API answer 500.)
/// </summary>
public sealed class GarbledInputTests
{
    private const string Example = """
        {
          "products": [{ "id": "platano", "name": "Plátano", "unit": "t" }, { "id": "maiz", "name": "Maíz", "unit": "kg", "weight": 0.001 }],
          "places": [
            { "id": "el-maizal", "name": "El Maizal", "lat": 9.77, "lon": -69.52 },
            { "id": "barquisimeto", "name": "Barquisimeto", "lat": 10.07, "lon": -69.32 },
            { "id": "puerto-cabello", "name": "Puerto Cabello", "lat": 10.47, "lon": -68.01 }
          ],
          "lots": [
            { "place": "el-maizal", "product": "platano", "quantity": 100, "availableDay": 0, "spoilsAfterDay": 5 },
            { "place": "el-maizal", "product": "maiz", "quantity": 60000, "availableDay": 0, "spoilsAfterDay": 60 }
          ],
          "needs": [{ "place": "barquisimeto", "product": "platano", "quantity": 150 }, { "place": "barquisimeto", "product": "maiz", "quantity": 80000 }],
          "routes": [
            { "from": "el-maizal", "to": "barquisimeto", "costPerUnit": 3, "days": 1, "capacity": 160 },
            { "from": "puerto-cabello", "to": "barquisimeto", "costPerUnit": 1, "days": 1, "capacity": null }
          ],
          "imports": [{ "product": "platano", "place": "puerto-cabello", "costPerUnit": 1, "capacity": null }],
          "penalties": { "spoiledPerUnit": 1000, "unmetPerUnit": 100 }
        }
        """;

    private static readonly Func<JsonNode?>[] Odd =
    [
        () => null, () => -1, () => 0, () => 1e308, () => -1e308, () => 1e-320, () => 1e15, () => 2e15, () => 3.5,
        () => "", () => "x", () => "💥", () => new string('a', 5000), () => true, () => new JsonArray(), () => new JsonObject(),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AGarbledInput_IsRefusedNamingIt_OrPlannedToFiniteFigures_NeverAnException(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 150; round++)
        {
            var json = Garble(JsonNode.Parse(Example)!, random);

            var (result, errors) = FoodPlanner.PlanFromJson(json, random.Next(2) == 0 ? PlanPolicy.ProductionFirst : PlanPolicy.ImportFirst);

            if (result is null)
            {
                Assert.NotEmpty(errors);
                Assert.All(errors, error => Assert.False(string.IsNullOrWhiteSpace(error.Message), json));
                continue;
            }
            Assert.True(double.IsFinite(result.Objective) && double.IsFinite(result.Bound), $"{result.Objective} / {result.Bound} for {json}");
            Assert.True(result.Bound <= result.Objective + (1e-6 * Math.Max(1, Math.Abs(result.Objective))), json);
            Assert.NotEmpty(PlanJson.WriteResult(result));
        }
    }

    /// <summary>One to three changes at random places of the document, and now and then the text cut short.</summary>
    private static string Garble(JsonNode document, Random random)
    {
        for (var change = random.Next(1, 4); change > 0; change--)
        {
            var nodes = Descendants(document).ToList();
            var node = nodes[random.Next(nodes.Count)];
            switch (node.Parent, random.Next(10))
            {
                case (JsonObject parent, < 7):
                    parent[node.GetPropertyName()] = Odd[random.Next(Odd.Length)]();
                    break;
                case (JsonObject parent, _):
                    parent.Remove(node.GetPropertyName());
                    break;
                case (JsonArray list, < 7):
                    list[node.GetElementIndex()] = Odd[random.Next(Odd.Length)]();
                    break;
                case (JsonArray list, _):
                    list.Add(node.DeepClone());
                    break;
            }
        }
        var text = document.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return random.Next(20) == 0 ? text[..random.Next(text.Length)] : text;
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            yield return child;
            foreach (var below in Descendants(child))
                yield return below;
        }
    }
}
