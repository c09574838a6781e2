using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Comuna.Web.Tests.FoodPlan;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Pages;

/// <summary>
/// Publishing a plan cannot be undone, so the page asks before it publishes, saying what it means;
/// and a plan that plans nothing is neither started from the pages nor published.
/// </summary>
public sealed class FoodPlanPublishingTests
{
    [Fact]
    public async Task Publishing_AsksFirst_SayingWhatItMeans_AndOnlyTheYesPublishes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        var (id, run) = await PlannedAsync(server, PublishedPlanTests.Plan);
        using var page = new PageClient(server);
        await page.SignInAsync("vocero.maizal");

        // The button on the run's page asks for the confirmation, by a plain GET form: it publishes nothing.
        var html = await page.HtmlAsync(run);
        Assert.Matches($@"<form method=""get"" action=""{run}"" id=""publish"">\s*<input type=""hidden"" name=""handler"" value=""Publish"">", html);
        var asking = await page.HtmlAsync($"{run}?handler=Publish");
        Assert.Contains("id=\"confirm-publish\"", asking, StringComparison.Ordinal);
        Assert.Contains("Cualquiera podrá leerlo, con o sin cuenta", asking, StringComparison.Ordinal);
        Assert.Contains("no se puede despublicar ni borrar", asking, StringComparison.Ordinal);
        Assert.Contains(">Sí, publicar</button>", asking, StringComparison.Ordinal);
        Assert.Contains($"<a id=\"cancel-publish\" href=\"{run}\">", asking, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"publish\"", asking, StringComparison.Ordinal);
        await using (var db = database.NewContext())
            Assert.Null(await db.SavedPlans.Where(p => p.Id == id).Select(p => p.PublishedAtUtc).SingleAsync(ct));

        // The yes publishes it.
        using var published = await page.SubmitAsync($"{run}?handler=Publish", [], $"{run}?handler=Publish");
        Assert.Equal(run, published.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("id=\"published\"", await PageClient.TextAsync(published), StringComparison.Ordinal);
        await using (var db = database.NewContext())
            Assert.NotNull(await db.SavedPlans.Where(p => p.Id == id).Select(p => p.PublishedAtUtc).SingleAsync(ct));
    }

    [Fact]
    public async Task APlanOfNothing_IsNotPublished_ByThePageNorByTheApi()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        // The API plans what the contract allows, an input with nothing in it included.
        var (id, run) = await PlannedAsync(server, "{}");
        using var page = new PageClient(server);
        await page.SignInAsync("vocero.maizal");

        var html = await page.HtmlAsync(run);
        Assert.Contains("Este plan no tiene necesidades ni lotes de cosecha: no planifica nada, así que no se puede publicar.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"publish\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"confirm-publish\"", await page.HtmlAsync($"{run}?handler=Publish"), StringComparison.Ordinal);
        using var refused = await page.SubmitAsync(run, [], $"{run}?handler=Publish");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"publish-refused\"", await PageClient.TextAsync(refused), StringComparison.Ordinal);

        using var planner = await server.SignedInAsync("vocero.maizal");
        using var api = await planner.PostAsync($"/api/v1/plans/runs/{id}/publish", null, ct);
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Equal("plan-plans-nothing", (await api.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetString());
        await using var db = database.NewContext();
        Assert.Null(await db.SavedPlans.Where(p => p.Id == id).Select(p => p.PublishedAtUtc).SingleAsync(ct));
        // It can still be deleted.
        Assert.Contains("id=\"delete\"", await page.HtmlAsync(run), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlanOfNothing_IsRefusedByThePages_NamingWhatIsMissing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var page = new PageClient(server);
        await page.SignInAsync("residente.panal");
        const string Missing = "El plan no tiene nada que planificar: escriba al menos una necesidad o un lote de cosecha.";

        using var json = await page.SubmitAsync("/plan-alimentario", [new("Json", "{}"), new("Policy", "production-first")]);
        Assert.Equal("/plan-alimentario", json.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(Missing, await PageClient.TextAsync(json), StringComparison.Ordinal);

        using var tables = await page.SubmitAsync("/plan-alimentario/tablas",
            [new("Products", ""), new("Places", ""), new("Lots", ""), new("Needs", ""), new("Routes", ""), new("Imports", ""),
             new("SpoiledPerUnit", "1000"), new("UnmetPerUnit", "100"), new("Policy", "production-first")]);
        Assert.Equal("/plan-alimentario/tablas", tables.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(Missing, await PageClient.TextAsync(tables), StringComparison.Ordinal);

        // Nothing was started.
        Assert.Contains("id=\"no-plans\"", await page.HtmlAsync("/plan-alimentario"), StringComparison.Ordinal);
    }

    /// <summary>vocero.maizal's plan of <paramref name="json"/>, made through the API: its id and its page's address.</summary>
    private static async Task<(string Id, string Page)> PlannedAsync(ComunaServer server, string json)
    {
        using var planner = await server.SignedInAsync("vocero.maizal");
        using var started = await planner.PostAsync("/api/v1/plans/runs", new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var address = started.Headers.Location!.OriginalString;
        Assert.Equal("done", (await PlanRunPolling.DoneAsync(planner, address)).GetProperty("state").GetString());
        var id = address[(address.LastIndexOf('/') + 1)..];
        return (id, $"/plan-alimentario/ejecuciones/{id}");
    }
}
