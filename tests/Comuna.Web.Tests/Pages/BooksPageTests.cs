using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Pages;

public sealed class BooksPageTests
{
    [Theory, BothEngines]
    public async Task Resident_ReadsTheBooks_WithBalancesMovementsAndTheOwnRevenueShare(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var finance = await server.SignedInAsync("finanzas.panal");
        Guid panal;
        await using (var db = database.NewContext())
            panal = await db.Communes.Where(c => c.Code == "COM-DC-PANAL2021").Select(c => c.Id).SingleAsync(ct);
        var books = $"/api/v1/communes/{panal}";
        async Task<Guid> OpenAsync(object account) =>
            (await (await finance.PostAsJsonAsync($"{books}/accounts", account, ct)).Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        var treasury = await OpenAsync(new { code = "TESORERIA", name = "Tesorería", kind = "treasury", currency = "VES" });
        var bakery = await OpenAsync(new { code = "PANADERIA", name = "Panadería comunal", kind = "income", currency = "VES", source = "own-revenue" });
        var state = await OpenAsync(new { code = "COGESTION", name = "Cogestión", kind = "income", currency = "VES", source = "state-funds" });
        foreach (var (from, amount, memo) in new[] { (bakery, 300_00L, "Pan de la semana"), (state, 100_00L, "Aporte del Estado") })
        {
            var posted = await finance.PostAsJsonAsync($"{books}/transfers", new { id = Guid.NewGuid(), debitAccountId = from, creditAccountId = treasury, amount, currency = "VES", memo }, ct);
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }
        using var page = new PageClient(server);
        await page.SignInAsync("residente.panal");

        var html = await page.HtmlAsync($"/comunas/{panal}/cuentas");

        Assert.Contains("Las cuentas", html, StringComparison.Ordinal);
        Assert.Contains("Pan de la semana", html, StringComparison.Ordinal);
        Assert.Contains("400,00 VES", html, StringComparison.Ordinal);
        Assert.Contains("75 %", html, StringComparison.Ordinal);
        // An income account reads as what came in through it, not as a debt.
        Assert.Matches("<td>Panadería comunal <small>\\(PANADERIA\\)</small></td><td>Ingreso</td><td class=\"n\">300,00 VES</td>", html);
        Assert.DoesNotContain("-300,00 VES", html, StringComparison.Ordinal);
        using var outsider = new PageClient(server);
        await outsider.SignInAsync("admin.lidice");
        using var refused = await outsider.GetAsync($"/comunas/{panal}/cuentas");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }
}
