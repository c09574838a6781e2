using System.Net;

namespace Comuna.Web.Tests.Pages;

public sealed class CouncilPageTests
{
    [Fact]
    public async Task CouncilPage_OutOfBoundsPanalCouncil_ShowsTheWarningWithTheRuleItBreaks()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);
        var id = await DemoCouncils.IdAsync(database, DemoCouncils.PanalFirst);

        var html = await client.HtmlAsync($"/consejos/{id}");

        Assert.Contains("Consejo Comunal Sector La Piedrita", html);
        Assert.Contains("id=\"census-warning\"", html);
        Assert.Contains("El censo está fuera de los límites de su reglamento.", html);
        // The demo gives this urban council 450 families; LOCC-2009 allows 150 to 400.
        Assert.Contains("LOCC-2009: 450 familias, fuera de los límites 150–400", html);
    }

    [Fact]
    public async Task CouncilPage_WithinBoundsRuralCouncil_ShowsNoWarning()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);
        var id = await DemoCouncils.IdAsync(database, "LA-ELMAIZAL-CC01");

        var html = await client.HtmlAsync($"/consejos/{id}");

        Assert.Contains("Consejo Comunal Sabana Alta", html);
        Assert.DoesNotContain("census-warning", html);
        Assert.Contains("Dentro de límites", html);
    }

    [Fact]
    public async Task CensusPages_Anonymous_NoLinksAndEvery404()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);
        var id = await DemoCouncils.IdAsync(database, DemoCouncils.PanalFirst);

        var html = await client.HtmlAsync($"/consejos/{id}");

        Assert.DoesNotContain($"/consejos/{id}/hogares", html);
        Assert.DoesNotContain($"/consejos/{id}/editar", html);
        foreach (var path in new[] { $"/consejos/{id}/hogares", $"/consejos/{id}/habitantes", $"/consejos/{Guid.NewGuid()}" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
