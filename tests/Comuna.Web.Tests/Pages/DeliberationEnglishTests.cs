using Comuna.Web.Tests.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Pages;

/// <summary>The assembly's pages read in English too, with no resource key showing through.</summary>
public sealed class DeliberationEnglishTests
{
    [Fact]
    public async Task AssemblyRecallAndParliamentPages_InEnglish_NameKindsUnitsAndSeatsInWords()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var api = await server.SignedInAsync("vocera.panal");
        var driver = await AssemblyDriver.ForAsync(database, api, DemoCouncils.PanalFirst, ct);
        await driver.ConveneAndOpenAsync(ct, call: "second");
        var panal = await DeliberationPages.QueryAsync(database, db => db.Communes.Where(c => c.Code == "COM-DC-PANAL2021").Select(c => c.Id).SingleAsync(ct));

        using var client = new PageClient(server);
        await client.SignInAsync("vocera.panal");
        (await client.GetAsync("/idioma/en?volver=/")).Dispose();

        var assembly = await client.HtmlAsync($"/asambleas/{driver.AssemblyId}");
        Assert.Contains("<option value=\"Election\">Election of a spokesperson</option>", assembly);
        Assert.Contains("<option value=\"YesNoAbstain\">Yes, no or abstain</option>", assembly);
        Assert.Contains("Second call", assembly);
        Assert.Contains("In session", assembly);
        Assert.Contains("Executive unit", assembly);

        var recalls = await client.HtmlAsync($"/consejos/{driver.CouncilId}/revocatorias");
        Assert.Contains("<h1>Spokespeople and recalls</h1>", recalls);
        Assert.Contains("Executive unit", recalls);
        Assert.DoesNotContain("unit:", recalls);

        var parliament = await client.HtmlAsync($"/comunas/{panal}/parlamento");
        Assert.Contains("<h1>Communal parliament</h1>", parliament);
        Assert.Contains("Productive organisations", parliament);
        Assert.DoesNotContain("seat:", parliament);

        var proposals = await client.HtmlAsync($"/asambleas/{driver.AssemblyId}/propuestas");
        Assert.Contains("Submit a proposal", proposals);
    }
}
