using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Pages;

public sealed class KeepBooksPageTests
{
    [Theory, BothEngines]
    public async Task FinanceUnit_RecordsMovements_SpendsOnlyUnderAMandate_AndASecondPersonApprovesLargeOutflows(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        Guid panal, roof;
        Dictionary<string, Guid> accounts;
        await using (var db = database.NewContext())
        {
            panal = await db.Communes.Where(c => c.Code == "COM-DC-PANAL2021").Select(c => c.Id).SingleAsync(ct);
            accounts = await db.Accounts.Where(a => a.CommuneId == panal).ToDictionaryAsync(a => a.Code, a => a.Id, ct);
            roof = await db.Decisions.Where(d => d.MandatePurpose == "Techo de la casa comunal").Select(d => d.Id).SingleAsync(ct);
        }
        var page = $"/comunas/{panal}/cuentas/registrar";
        using var finance = new PageClient(server);
        await finance.SignInAsync("finanzas.panal");
        var sameForm = Guid.NewGuid().ToString();
        KeyValuePair<string, string>[] Movement(string id, string from, string to, string amount, string memo, Guid? decision = null) =>
        [
            new("Transfer.Id", id), new("Transfer.DebitAccountId", accounts[from].ToString()), new("Transfer.CreditAccountId", accounts[to].ToString()),
            new("Transfer.Amount", amount), new("Transfer.Memo", memo), new("Transfer.DecisionId", decision?.ToString() ?? ""),
        ];

        var recorded = await PageClient.TextAsync(await finance.SubmitAsync(page, Movement(sameForm, "4103", "1101", "1.500,50", "Rifa de navidad"), $"{page}?handler=Transfer"));
        var again = await PageClient.TextAsync(await finance.SubmitAsync(page, Movement(sameForm, "4103", "1101", "1.500,50", "Rifa de navidad"), $"{page}?handler=Transfer"));
        var unmandated = await PageClient.TextAsync(await finance.SubmitAsync(page, Movement(Guid.NewGuid().ToString(), "1101", "5102", "200", "Cemento"), $"{page}?handler=Transfer"));
        var large = await PageClient.TextAsync(await finance.SubmitAsync(page, Movement(Guid.NewGuid().ToString(), "1101", "5102", "60.000,00", "Pintura del techo", roof), $"{page}?handler=Transfer"));

        Assert.Contains("Movimiento n.º", recorded, StringComparison.Ordinal);
        Assert.Contains("Movimiento n.º", again, StringComparison.Ordinal);
        Assert.Contains("solo con el mandato de una asamblea", unmandated, StringComparison.Ordinal);
        Assert.Contains("espera la aprobación de otra persona", large, StringComparison.Ordinal);
        Assert.Contains("Lo aprueba otra persona de la unidad financiera.", large, StringComparison.Ordinal);
        await using (var db = database.NewContext())
        {
            Assert.Equal(1, await db.Transfers.CountAsync(t => t.Memo == "Rifa de navidad" && t.Amount == 1_500_50L, ct));
            Assert.False(await db.Transfers.AnyAsync(t => t.Memo == "Cemento", ct));
            Assert.Single(await db.PendingTransfers.Where(p => p.Memo == "Pintura del techo").ToListAsync(ct));
        }

        using var treasurer = new PageClient(server);
        await treasurer.SignInAsync("tesorera.panal");
        Guid pendingId;
        await using (var db = database.NewContext())
            pendingId = await db.PendingTransfers.Where(p => p.Memo == "Pintura del techo").Select(p => p.Id).SingleAsync(ct);
        var approved = await PageClient.TextAsync(await treasurer.SubmitAsync(page, [], $"{page}?handler=Approve&transferId={pendingId}"));
        Assert.Contains("Movimiento n.º", approved, StringComparison.Ordinal);
        await using (var db = database.NewContext())
        {
            var posted = await db.Transfers.SingleAsync(t => t.Memo == "Pintura del techo", ct);
            Assert.NotEqual(posted.PostedBy, posted.ApprovedBy);
            Assert.Equal(roof, posted.DecisionId);
        }

        KeyValuePair<string, string>[] account = [new("NewAccount.Code", "1101"), new("NewAccount.Name", "Otra tesorería"), new("NewAccount.Kind", "Treasury"), new("NewAccount.Currency", "VES")];
        Assert.Contains("ya tiene una cuenta con ese código", await PageClient.TextAsync(await finance.SubmitAsync(page, account, $"{page}?handler=Account")), StringComparison.Ordinal);

        using var resident = new PageClient(server);
        await resident.SignInAsync("residente.panal");
        using var refused = await resident.GetAsync(page);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var books = await resident.HtmlAsync($"/comunas/{panal}/cuentas");
        Assert.DoesNotContain("Llevar las cuentas", books, StringComparison.Ordinal);
        Assert.Contains("Pintura del techo", books, StringComparison.Ordinal);
        Assert.Contains("/journal?format=csv", books, StringComparison.Ordinal);
    }
}
