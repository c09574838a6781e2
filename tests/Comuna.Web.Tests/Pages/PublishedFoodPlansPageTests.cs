using System.Net;
using System.Text;
using Comuna.Web.Tests.FoodPlan;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Pages;

/// <summary>A published plan is public: so is the list of them, without an account, and it lists no draft.</summary>
public sealed class PublishedFoodPlansPageTests
{
    [Fact]
    public async Task ThePublishedPlans_AreListedToAnyone_WithoutTheDrafts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var planner = await server.SignedInAsync("vocero.maizal");
        using var started = await planner.PostAsync("/api/v1/plans/runs", new StringContent(PublishedPlanTests.Plan, Encoding.UTF8, "application/json"), ct);
        var address = started.Headers.Location!.OriginalString;
        await PlanRunPolling.DoneAsync(planner, address);
        var draft = address[(address.LastIndexOf('/') + 1)..];
        await using var db = database.NewContext();
        var published = await db.SavedPlans.Where(p => p.PublishedAtUtc != null).Select(p => p.Id).ToListAsync(ct);
        Assert.NotEmpty(published);

        using var anonymous = new PageClient(server);
        using var response = await anonymous.GetAsync("/plan-alimentario/publicados");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/plan-alimentario/publicados", response.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await PageClient.TextAsync(response);
        Assert.Contains("<table id=\"published-plans\">", html, StringComparison.Ordinal);
        Assert.All(published, id => Assert.Contains($"href=\"/plan-alimentario/ejecuciones/{id}\"", html, StringComparison.Ordinal));
        Assert.DoesNotContain(draft, html, StringComparison.Ordinal);
        // The way to it is on every page, for a reader without an account.
        Assert.Contains("href=\"/plan-alimentario/publicados\"", await anonymous.HtmlAsync("/"), StringComparison.Ordinal);
    }
}
