using System.Globalization;
using Comuna.Application.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Comuna.Web.Tests.Browser;

/// <summary>The pages in Debian's Chromium, on a phone-sized screen, with clicks a person makes.</summary>
public sealed class CouncilBrowserTests
{
    [Fact]
    public async Task Vocera_SignsInAndBrowsesFromCommunesToHerCouncil_SeesItsNameAndCounts()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        var (families, residents) = await CensusOfAsync(database, "DC-PANAL2021-CC01");

        await using var browser = await PhoneBrowser.OpenAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("vocera.panal");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Comunas", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Panal 2021", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Comuna Panal 2021" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Consejo Comunal Sector La Piedrita" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Consejo Comunal Sector La Piedrita", Level = 1 })).ToBeVisibleAsync();
        var spanish = CultureInfo.GetCultureInfo("es");
        await Assertions.Expect(Fact(page, "Familias en el censo")).ToContainTextAsync(families.ToString("N0", spanish));
        await Assertions.Expect(Fact(page, "Habitantes")).ToHaveTextAsync(residents.ToString("N0", spanish));
        await Assertions.Expect(page.Locator("#census-warning")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hogares" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "comuna-council.png"), FullPage = true });
    }

    /// <summary>The value of one fact of the council page, by its label.</summary>
    private static ILocator Fact(IPage page, string label) =>
        page.Locator(".facts div").Filter(new() { Has = page.Locator("dt", new() { HasTextString = label }) }).Locator("dd");

    /// <summary>The council's census as the database holds it, independently of the pages.</summary>
    private static async Task<(int Families, int Residents)> CensusOfAsync(TestDatabase database, string code)
    {
        await using var db = database.NewContext();
        var cancellationToken = TestContext.Current.CancellationToken;
        var families = await db.Households.CountAsync(h => h.Council!.Code == code, cancellationToken);
        var residents = await db.Residents.CountAsync(r => r.Household!.Council!.Code == code, cancellationToken);
        return (families, residents);
    }
}
