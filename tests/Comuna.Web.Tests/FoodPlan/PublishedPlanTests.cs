using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Comuna.Application.Distribution;
using Comuna.Application.FoodPlan;
using Comuna.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Web.Tests.FoodPlan;

/// <summary>
/// A plan its account publishes becomes public for good, and a council of a commune it delivers
/// to opens a round of its produce from the council's share: harvest to household, in one chain.
/// </summary>
public sealed class PublishedPlanTests
{
    /// <summary>El Maizal's tomatoes for Panal 2021, by the communes' registry codes, as the needs from the census name them.</summary>
    internal const string Plan = """
        {
          "products": [{ "id": "tomate", "name": "Tomate", "unit": "kg" }],
          "places": [
            { "id": "COM-LA-ELMAIZAL", "name": "El Maizal", "lat": 9.78, "lon": -69.52 },
            { "id": "COM-DC-PANAL2021", "name": "Panal 2021", "lat": 10.5075, "lon": -66.9311 }
          ],
          "lots": [{ "place": "COM-LA-ELMAIZAL", "product": "tomate", "quantity": 900, "availableDay": 0, "spoilsAfterDay": 6 }],
          "needs": [{ "place": "COM-DC-PANAL2021", "product": "tomate", "quantity": 600 }],
          "routes": [{ "from": "COM-LA-ELMAIZAL", "to": "COM-DC-PANAL2021", "costPerUnit": 2, "days": 1, "capacity": null }],
          "imports": [],
          "penalties": { "spoiledPerUnit": 1000, "unmetPerUnit": 100 }
        }
        """;

    [Theory, BothEngines]
    public async Task APublishedPlan_IsReadByAnyone_StaysForGood_AndACouncilOpensARoundOfItsShare(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var planner = await server.SignedInAsync("vocero.maizal");
        using var vocera = await server.SignedInAsync("vocera.panal");
        using var anonymous = server.Anonymous();

        using var started = await planner.PostAsync("/api/v1/plans/runs", new StringContent(Plan, Encoding.UTF8, "application/json"), ct);
        var address = started.Headers.Location!.OriginalString;
        var id = address[(address.LastIndexOf('/') + 1)..];
        Assert.Equal("optimal", (await PlanRunPolling.DoneAsync(planner, address)).GetProperty("result").GetProperty("status").GetString());

        // Before it is published the plan is its account's alone, and only its account publishes it.
        Assert.Equal(HttpStatusCode.NotFound, (await vocera.GetAsync(address, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(address, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await vocera.PostAsync($"{address}/publish", null, ct)).StatusCode);
        using (var published = await planner.PostAsync($"{address}/publish", null, ct))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
            Assert.Equal(JsonValueKind.String, (await published.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("publishedAt").ValueKind);
        }

        // Then anyone reads it, page and API, and nobody deletes it.
        Assert.Equal(HttpStatusCode.OK, (await vocera.GetAsync(address, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(address, ct)).StatusCode);
        using (var delete = await planner.DeleteAsync(address, ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
            Assert.Equal("plan-published", (await delete.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetString());
        }
        var page = await PageClient.TextAsync(await anonymous.GetAsync($"/plan-alimentario/ejecuciones/{id}", ct));
        Assert.Contains("id=\"published\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"delete\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"publish\"", page, StringComparison.Ordinal);

        // Panal 2021's first council is offered its share of the 600 kg by its families, and opens a round of it.
        await using var db = database.NewContext();
        var councils = await db.Councils.Where(k => k.Commune!.Code == "COM-DC-PANAL2021")
            .Select(k => new { k.Id, k.Code, k.DeclaredFamilies, Households = k.Households.Count }).ToListAsync(ct);
        var council = councils.Single(k => k.Code == "DC-PANAL2021-CC01");
        var share = (int)Math.Floor(600.0 * CensusFamilies.Of(council.Households, council.DeclaredFamilies) / councils.Sum(k => CensusFamilies.Of(k.Households, k.DeclaredFamilies)));
        using var pages = new PageClient(server);
        await pages.SignInAsync("vocera.panal");
        var plans = await pages.HtmlAsync("/plan-alimentario");
        Assert.Contains($"<table id=\"published-plans\">", plans, StringComparison.Ordinal);
        Assert.Contains($"href=\"/plan-alimentario/ejecuciones/{id}\"", plans[plans.IndexOf("published-plans", StringComparison.Ordinal)..], StringComparison.Ordinal);
        var form = $"/consejos/{council.Id}/jornadas/nueva";
        var offered = await pages.HtmlAsync(form);
        Assert.Contains("id=\"planned\"", offered, StringComparison.Ordinal);
        Assert.Contains($"{share} kg", offered, StringComparison.Ordinal);
        var families = councils.Sum(k => CensusFamilies.Of(k.Households, k.DeclaredFamilies)).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("es"));
        Assert.Contains($"de {families} familias", offered, StringComparison.Ordinal);
        var filled = await pages.HtmlAsync($"{form}?plan={id}&product=tomate");
        Assert.Contains("id=\"from-plan\"", filled, StringComparison.Ordinal);
        Assert.Contains($"value=\"{share}\"", filled, StringComparison.Ordinal);
        Assert.Contains($"value=\"{id}\"", filled, StringComparison.Ordinal);

        using var opened = await pages.SubmitAsync($"{form}?plan={id}&product=tomate",
        [
            new("Input.Kind", "Produce"), new("Input.Item", "Tomate"), new("Input.Unit", "kg"),
            new("Input.UnitsArrived", (share - 10).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.StartsOn", "2026-12-05"), new("Input.PickupPoints", "Casa comunal"), new("Input.UnitsPerHousehold", "2"),
            new("Input.PlanId", id), new("Input.PlanProduct", "tomate"),
        ], form);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var roundPage = await PageClient.TextAsync(opened);
        Assert.Matches("/jornadas/[0-9a-f-]{36}$", opened.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("id=\"from-plan\"", roundPage, StringComparison.Ordinal);
        var round = await db.DistributionRounds.AsNoTracking().SingleAsync(r => r.PlanId == id, ct);
        // The offer now leads to that round instead of opening another.
        var offeredAgain = await pages.HtmlAsync(form);
        Assert.Contains($"<a class=\"planned-round\" href=\"/jornadas/{round.Id}\">", offeredAgain, StringComparison.Ordinal);
        Assert.Equal(("tomate", (int?)share, share - 10), (round.PlanProduct, round.PlannedUnits, round.UnitsArrived));

        // The council's transparency view sets what the plan sent beside what arrived.
        var transparency = await pages.HtmlAsync($"/consejos/{council.Id}/jornadas/transparencia");
        Assert.Contains("Enviado por el plan alimentario", transparency, StringComparison.Ordinal);
        Assert.Matches($@"<td class=""n"">{share} kg</td>\s*<td class=""n"">{share - 10} kg</td>", transparency);

        // The API lists the published plans and what they send the council, to anyone.
        var publishedPlans = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/plans/published", ct);
        Assert.Contains(publishedPlans.EnumerateArray(), p => p.GetProperty("id").GetString() == id);
        var produce = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/councils/{council.Id}/planned-produce", ct);
        var line = produce.EnumerateArray().Single(l => l.GetProperty("planId").GetString() == id);
        Assert.Equal(("tomate", 600.0, share), (line.GetProperty("product").GetString(), line.GetProperty("communeQuantity").GetDouble(), line.GetProperty("units").GetInt32()));
        Assert.Equal(round.Id, line.GetProperty("roundId").GetGuid());

        // The API says where a round comes from.
        var view = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{round.Id}", ct);
        Assert.Equal(id, view.GetProperty("fromPlan").GetProperty("planId").GetString());
        Assert.Equal(share, view.GetProperty("fromPlan").GetProperty("plannedUnits").GetInt32());

        // Its signed acta records what the plan sent beside what arrived, and `verify` notices if the round is changed after.
        using (var closed = await vocera.PostAsync($"/api/v1/rounds/{round.Id}/close", null, ct))
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var acta = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{round.Id}/minutes", ct);
        Assert.Equal(share, acta.GetProperty("content").GetProperty("fromPlan").GetProperty("plannedUnits").GetInt32());
        Assert.Contains($"el plan envía a este consejo {share} kg", await pages.HtmlAsync($"/jornadas/{round.Id}/acta"), StringComparison.Ordinal);
        await using (var scope = server.Services.CreateAsyncScope())
            Assert.Empty((await scope.ServiceProvider.GetRequiredService<VerifyRounds>().RoundAsync(round.Id, ct)).Value.Differences);
        await db.DistributionRounds.Where(r => r.Id == round.Id).ExecuteUpdateAsync(set => set.SetProperty(r => r.PlannedUnits, share + 100), ct);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var differences = (await scope.ServiceProvider.GetRequiredService<VerifyRounds>().RoundAsync(round.Id, ct)).Value.Differences;
            Assert.Contains(differences, d => d.Contains($"the minutes say the round hands out {share} units of \"tomate\" from plan {id}, the round says {share + 100} units", StringComparison.Ordinal));
        }
    }
}
