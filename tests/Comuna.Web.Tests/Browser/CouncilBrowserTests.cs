using System.Globalization;
using Comuna.Application.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Comuna.Web.Tests.Browser;

/// <summary>The pages in Debian's Chromium, on a phone-sized screen, with clicks a person makes.</summary>
public sealed class CouncilBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Vocera_SignsInAndBrowsesFromCommunesToHerCouncil_SeesItsNameAndCounts()
    {
        if (!File.Exists(Chromium))
            Assert.Skip("Chromium is not installed at /usr/bin/chromium (apt-get install chromium)");
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        var (families, residents) = await CensusOfAsync(database, "DC-PANAL2021-CC01");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        // No script runs on these pages; turning it off proves they do not need any.
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/cuenta/entrar");
        await page.GetByLabel("Usuario").FillAsync("vocera.panal");
        await page.GetByLabel("Contraseña").FillAsync(SeedDemo.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrar" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Salir (vocera.panal)" })).ToBeVisibleAsync();

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
