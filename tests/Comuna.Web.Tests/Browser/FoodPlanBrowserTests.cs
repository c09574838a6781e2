using Comuna.Web.Tests.FoodPlan;
using Microsoft.EntityFrameworkCore;
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
        await Assertions.Expect(page.Locator("#places")).ToContainTextAsync("El Maizal");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "comuna-food-plan.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Planificar otro" }).ClickAsync();
        await Assertions.Expect(page.Locator("#plans")).ToContainTextAsync("óptimo demostrado");
        await page.Locator("#plans a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#comparison")).ToContainTextAsync("Importación primero (CLAP)");
    }

    [Fact]
    public async Task APlannerPublishesAPlan_AndACouncilOpensARoundOfItsShare()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        await using var browser = await PhoneBrowser.OpenAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("vocero.maizal");

        await page.GotoAsync("/plan-alimentario");
        await page.GetByLabel("Los datos del plan (JSON)").FillAsync(PublishedPlanTests.Plan);
        await page.GetByRole(AriaRole.Button, new() { Name = "Planificar", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("óptimo demostrado", new() { Timeout = 60_000 });
        // Publishing cannot be undone: the page asks first, saying what it means.
        await page.GetByRole(AriaRole.Button, new() { Name = "Publicar este plan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-publish")).ToContainTextAsync("no se puede despublicar ni borrar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sí, publicar" }).ClickAsync();
        await Assertions.Expect(page.Locator("#published")).ToContainTextAsync("Publicado el");
        await Assertions.Expect(page.Locator("#delete")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Salir (vocero.maizal)" }).ClickAsync();
        await browser.SignInAsync("vocera.panal");
        await using var db = database.NewContext();
        var council = await db.Councils.Where(k => k.Code == "DC-PANAL2021-CC01").Select(k => k.Id).SingleAsync(ct);
        await page.GotoAsync($"/consejos/{council}/jornadas/nueva");
        await Assertions.Expect(page.Locator("#planned")).ToContainTextAsync("Tomate");
        // The newest published plan comes first: this one, before the demo's.
        await page.GetByRole(AriaRole.Link, new() { Name = "Abrir una jornada con esto" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#from-plan")).ToContainTextAsync("Jornada de Tomate del plan alimentario");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "comuna-new-round-from-plan.png") });
        await page.GetByLabel("Primer día de retiro").FillAsync("2026-12-05");
        await page.GetByLabel("Puntos de retiro").FillAsync("Casa comunal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Abrir la jornada" }).ClickAsync();
        await Assertions.Expect(page.Locator("#from-plan")).ToContainTextAsync("el plan envía a este consejo");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "comuna-round-from-plan.png"), FullPage = true });
    }

    [Fact]
    public async Task AResident_TypesThePlanAsTables_IsToldTheBadLine_AndPlansIt()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        await using var browser = await PhoneBrowser.OpenAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("residente.panal");

        await page.GotoAsync("/plan-alimentario");
        await page.GetByRole(AriaRole.Link, new() { Name = "Escribir el plan por tablas" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Empezar con un ejemplo" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Lotes de cosecha")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("el-maizal; platano; 100; 0; 5"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "comuna-plan-tables.png") });

        await page.GetByLabel("Necesidades").FillAsync("barquisimeto; platano; 100\nsarare; platano; cincuenta");
        await page.GetByRole(AriaRole.Button, new() { Name = "Planificar", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#errors")).ToContainTextAsync("Necesidades, línea 2 (\"sarare; platano; cincuenta\"): \"cincuenta\" no es un número.");

        await page.GetByLabel("Necesidades").FillAsync("barquisimeto; platano; 100\nsarare; platano; 50,5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Planificar", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("óptimo demostrado", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#places")).ToContainTextAsync("50,5");
    }
}
