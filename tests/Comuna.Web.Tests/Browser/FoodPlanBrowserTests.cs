using Microsoft.Playwright;

namespace Comuna.Web.Tests.Browser;

public sealed class FoodPlanBrowserTests
{
    [Fact]
    public async Task AResident_AddsTheCensusNeedsToTheExample_PlansIt_AndFindsItAgainInTheirPlans()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        await using var browser = await PhoneBrowser.OpenAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("residente.panal");

        await page.GotoAsync("/plan-alimentario");
        await Assertions.Expect(page.Locator("#no-plans")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Empezar con un ejemplo" }).ClickAsync();
        await page.GetByLabel("Canasta por familia para el período").FillAsync("maiz 0,1");
        await page.GetByLabel("Códigos de las comunas").FillAsync("COM-LA-ELMAIZAL");
        await page.GetByRole(AriaRole.Button, new() { Name = "Añadir las necesidades del censo" }).ClickAsync();
        await Assertions.Expect(page.Locator("#families")).ToContainTextAsync("COM-LA-ELMAIZAL · El Maizal");
        await Assertions.Expect(page.GetByLabel("Los datos del plan (JSON)")).ToContainTextAsync("\"place\": \"COM-LA-ELMAIZAL\"");

        // The run's page refreshes itself, without script, until the plan is ready.
        await page.GetByRole(AriaRole.Button, new() { Name = "Planificar", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("óptimo demostrado", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#places")).ToContainTextAsync("COM-LA-ELMAIZAL");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "comuna-food-plan.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Planificar otro" }).ClickAsync();
        await Assertions.Expect(page.Locator("#plans")).ToContainTextAsync("óptimo demostrado");
        await page.Locator("#plans a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#comparison")).ToContainTextAsync("Importación primero (CLAP)");
    }
}
