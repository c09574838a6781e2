using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Comuna.Web.Tests.Browser;

public sealed class BooksBrowserTests
{
    [Fact]
    public async Task Resident_ReadsHerCommunesBooks_OnAPhone_BalancesIncomeBySourceAndEveryMovementBackToTheFirst()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        var ct = TestContext.Current.CancellationToken;
        long treasury;
        string first, latest;
        await using (var db = database.NewContext())
        {
            var panal = await db.Communes.Where(c => c.Code == "COM-DC-PANAL2021").Select(c => c.Id).SingleAsync(ct);
            treasury = await db.Accounts.Where(a => a.CommuneId == panal && a.Code == "1101").Select(a => a.Balance).SingleAsync(ct);
            first = await db.Transfers.Where(t => t.CommuneId == panal).OrderBy(t => t.Sequence).Select(t => t.Memo).FirstAsync(ct);
            latest = await db.Transfers.Where(t => t.CommuneId == panal).OrderByDescending(t => t.Sequence).Select(t => t.Memo).FirstAsync(ct);
        }

        await using var browser = await PhoneBrowser.OpenAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("residente.panal");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Comunas", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Panal 2021", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Las cuentas" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Las cuentas", Level = 1 })).ToBeVisibleAsync();
        var treasuryRow = page.Locator("#accounts").GetByRole(AriaRole.Row).Filter(new() { HasTextString = "Tesorería de la comuna" });
        await Assertions.Expect(treasuryRow).ToContainTextAsync($"{(treasury / 100m).ToString("N2", CultureInfo.GetCultureInfo("es"))} VES");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ingresos por origen" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#movements tbody tr").First).ToContainTextAsync(latest);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Llevar las cuentas" })).ToHaveCountAsync(0);

        // A payment's mandate leads to the acta of the assembly that gave it.
        var booksUrl = page.Url;
        await page.Locator("#movements").GetByRole(AriaRole.Link, new() { Name = "Insumos de la panadería comunal" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Presupuesto de la panadería comunal" })).ToBeVisibleAsync();
        await page.GotoAsync(booksUrl);

        await page.GetByRole(AriaRole.Link, new() { Name = "Movimientos anteriores" }).ClickAsync();
        while (await page.Locator("#movements").GetByText(first, new() { Exact = true }).CountAsync() == 0)
            await page.GetByRole(AriaRole.Link, new() { Name = "Movimientos anteriores" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Movimientos anteriores" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The books", Level = 1 })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "comuna-books.png"), FullPage = true });
    }
}
