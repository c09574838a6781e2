using Comuna.Application.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Comuna.Web.Tests.Browser;

public sealed class DistributionBrowserTests
{
    [Fact]
    public async Task Spokesperson_MarksHouseholdsServedOnAPhone_ThenClosesTheRoundAndReadsTheMinutes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        var ct = TestContext.Current.CancellationToken;
        Guid councilId;
        List<(string Code, string NationalId)> waiting;
        int servedBefore;
        await using (var db = database.NewContext())
        {
            councilId = await db.Councils.Where(c => c.Code == DemoRounds.CouncilCode).Select(c => c.Id).SingleAsync(ct);
            var gas = await db.DistributionRounds.SingleAsync(r => r.CouncilId == councilId && r.Item == "Bombona de gas de 10 kg", ct);
            servedBefore = await db.Deliveries.CountAsync(d => d.RoundId == gas.Id, ct);
            waiting = (await db.Households.Where(h => h.CouncilId == councilId && !db.Deliveries.Any(d => d.RoundId == gas.Id && d.HouseholdId == h.Id))
                .OrderBy(h => h.Code).Take(2).Select(h => new { h.Code, h.Members.OrderBy(m => m.NationalId).First().NationalId }).ToListAsync(ct))
                .Select(h => (h.Code, h.NationalId)).ToList();
        }

        await using var browser = await PhoneBrowser.OpenAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("vocera.panal");
        await page.GotoAsync($"/consejos/{councilId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Jornadas de distribución" }).ClickAsync();
        await page.Locator("#rounds tr").Filter(new() { HasTextString = "Bombona de gas de 10 kg" }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bombona de gas de 10 kg", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#short")).ToContainTextAsync("No alcanza");

        // The first family by its household code, the second by a member's cédula.
        await page.GetByLabel("Buscar un hogar por nombre, cédula o código de hogar").FillAsync(waiting[0].Code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Marcar {waiting[0].Code} como atendido" }).ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToHaveTextAsync($"Hogar {waiting[0].Code} atendido: 1.");
        await Assertions.Expect(page.Locator("#candidates")).ToContainTextAsync("Atendido (1)");

        await page.GetByLabel("Buscar un hogar por nombre, cédula o código de hogar").FillAsync(waiting[1].NationalId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Marcar {waiting[1].Code} como atendido" }).ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToHaveTextAsync($"Hogar {waiting[1].Code} atendido: 1.");
        await Assertions.Expect(page.Locator("#units")).ToContainTextAsync((servedBefore + 2).ToString(System.Globalization.CultureInfo.InvariantCulture));

        await page.GetByRole(AriaRole.Button, new() { Name = "Cerrar la jornada y firmar el acta" }).ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-close")).ToContainTextAsync("¿Cerrar la jornada y firmar el acta?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sí, cerrar y firmar" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Acta de entrega", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#minutes-counts")).ToContainTextAsync($"{servedBefore + 2}");
        await Assertions.Expect(page.Locator("#signed-by")).ToHaveTextAsync("vocera.panal");
        await Assertions.Expect(page.Locator("#holds")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(waiting[0].Code)).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Delivery minutes", Level = 1 })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "comuna-delivery-minutes.png"), FullPage = true });
    }
}
