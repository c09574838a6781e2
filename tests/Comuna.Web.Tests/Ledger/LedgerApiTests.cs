using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comuna.Application.Ledger;
using Comuna.Web.Tests.Deliberation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Web.Tests.Ledger;

public sealed class LedgerApiTests
{
    [Theory, BothEngines]
    public async Task Transfers_AreIdempotent_NeedAMandateToLeave_AndNeverSpendBeyondIt(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var finance = await server.SignedInAsync("finanzas.panal");
        var panal = await BooksApi.PanalIdAsync(database, ct);
        var books = $"/api/v1/communes/{panal}";
        // The demo's year is already in Panal's books: this test's postings follow it.
        var head = await LastSequenceAsync(database, panal, ct);
        var treasury = await BooksApi.OpenAsync(finance, books, new { code = "TESORERIA-VES", name = "Tesorería", kind = "treasury", currency = "VES" }, ct);
        var bakery = await BooksApi.OpenAsync(finance, books, new { code = "VENTAS-PANADERIA", name = "Ventas de la panadería", kind = "income", currency = "VES", source = "own-revenue" }, ct);
        var supplier = await BooksApi.OpenAsync(finance, books, new { code = "PROVEEDOR-TUBOS", name = "Ferretería El Tubo", kind = "expense", currency = "VES" }, ct);
        var dollars = await BooksApi.OpenAsync(finance, books, new { code = "TESORERIA-USD", name = "Tesorería en dólares", kind = "treasury", currency = "USD" }, ct);
        var donations = await BooksApi.OpenAsync(finance, books, new { code = "DONACIONES-USD", name = "Donaciones", kind = "income", currency = "USD", source = "own-revenue" }, ct);

        var depositId = Guid.NewGuid();
        var deposit = new { id = depositId, debitAccountId = bakery, creditAccountId = treasury, amount = 1_000_000_00L, currency = "VES", memo = "Ventas de pan, noviembre" };
        var first = await finance.PostAsJsonAsync($"{books}/transfers", deposit, ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var posting = await first.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(head + 1, posting.GetProperty("sequence").GetInt64());
        Assert.Equal(64, posting.GetProperty("hash").GetString()!.Length);
        var retry = await finance.PostAsJsonAsync($"{books}/transfers", deposit, ct);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(posting.GetProperty("hash").GetString(), (await retry.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("hash").GetString());
        var changed = await finance.PostAsJsonAsync($"{books}/transfers", deposit with { amount = 5L }, ct);
        Assert.Equal("idempotency-conflict", await AssemblyDriver.CodeAsync(changed, ct));

        var unmandated = await finance.PostAsJsonAsync($"{books}/transfers",
            new { id = Guid.NewGuid(), debitAccountId = treasury, creditAccountId = supplier, amount = 10_00L, currency = "VES", memo = "Tubos" }, ct);
        Assert.Equal("mandate-required", await AssemblyDriver.CodeAsync(unmandated, ct));
        var mixed = await finance.PostAsJsonAsync($"{books}/transfers",
            new { id = Guid.NewGuid(), debitAccountId = treasury, creditAccountId = dollars, amount = 10_00L, currency = "VES", memo = "Cambio" }, ct);
        Assert.Equal("currency-mismatch", await AssemblyDriver.CodeAsync(mixed, ct));
        var overdrawn = await finance.PostAsJsonAsync($"{books}/transfers",
            new { id = Guid.NewGuid(), debitAccountId = dollars, creditAccountId = donations, amount = 1L, currency = "USD", memo = "Devolución" }, ct);
        Assert.Equal("insufficient-funds", await AssemblyDriver.CodeAsync(overdrawn, ct));
        // An income account may go negative, but not past what a balance can hold: refused by name, not a 500.
        var beyondBooks = await finance.PostAsJsonAsync($"{books}/transfers",
            new { id = Guid.NewGuid(), debitAccountId = bakery, creditAccountId = treasury, amount = long.MaxValue, currency = "VES", memo = "Un error de tipeo" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, beyondBooks.StatusCode);
        Assert.Equal("amount-too-large", await AssemblyDriver.CodeAsync(beyondBooks, ct));

        // The assembly mandates 200,000.00 VES for the pipes; 20 payments of 40,000.00 race for it.
        var decisionId = await MandateAsync(server, database, 200_000_00L, ct);
        var payments = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => finance.PostAsJsonAsync($"{books}/transfers",
            new { id = Guid.NewGuid(), debitAccountId = treasury, creditAccountId = supplier, amount = 40_000_00L, currency = "VES", memo = $"Tubos, entrega {i + 1}", decisionId }, ct)));
        Assert.Equal(5, payments.Count(p => p.StatusCode == HttpStatusCode.Created));
        foreach (var refused in payments.Where(p => p.StatusCode != HttpStatusCode.Created))
            Assert.Equal("mandate-exceeded", await AssemblyDriver.CodeAsync(refused, ct));
        var decision = await finance.GetFromJsonAsync<JsonElement>($"/api/v1/decisions/{decisionId}", ct);
        Assert.Equal(0L, decision.GetProperty("mandate").GetProperty("remaining").GetInt64());

        var accounts = await finance.GetFromJsonAsync<JsonElement>($"{books}/accounts", ct);
        var balance = accounts.EnumerateArray().ToDictionary(a => a.GetProperty("code").GetString()!, a => a.GetProperty("balance").GetInt64());
        Assert.Equal(1_000_000_00L - 200_000_00L, balance["TESORERIA-VES"]);
        Assert.Equal(200_000_00L, balance["PROVEEDOR-TUBOS"]);
        Assert.Equal(0L, accounts.EnumerateArray().Where(a => a.GetProperty("currency").GetString() == "VES").Sum(a => a.GetProperty("balance").GetInt64()));

        var journal = await finance.GetFromJsonAsync<JsonElement>($"{books}/transfers?after={head}&limit=100", ct);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => head + i), journal.EnumerateArray().Select(t => t.GetProperty("sequence").GetInt64()));
        await using var scope = server.Services.CreateAsyncScope();
        var verified = await scope.ServiceProvider.GetRequiredService<VerifyLedger>().ExecuteAsync(panal, ct);
        Assert.True(verified.Value.Holds, string.Join("; ", verified.Value.Differences));
    }

    [Theory, BothEngines]
    public async Task LargeOutflow_WaitsForASecondPersonOfTheFinanceUnit_ThenPostsWithBothNames(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var finance = await server.SignedInAsync("finanzas.panal");
        using var treasurer = await server.SignedInAsync("tesorera.panal");
        var books = $"/api/v1/communes/{await BooksApi.PanalIdAsync(database, ct)}";
        var treasury = await BooksApi.OpenAsync(finance, books, new { code = "TESORERIA", name = "Tesorería", kind = "treasury", currency = "VES" }, ct);
        var grant = await BooksApi.OpenAsync(finance, books, new { code = "COGESTION", name = "Fondos de cogestión", kind = "income", currency = "VES", source = "state-funds" }, ct);
        var builder = await BooksApi.OpenAsync(finance, books, new { code = "CONSTRUCTORA", name = "Cooperativa de construcción", kind = "expense", currency = "VES" }, ct);
        (await finance.PostAsJsonAsync($"{books}/transfers", new { id = Guid.NewGuid(), debitAccountId = grant, creditAccountId = treasury, amount = 900_000_00L, currency = "VES", memo = "Cogestión 2026" }, ct)).EnsureSuccessStatusCode();
        var decisionId = await MandateAsync(server, database, 800_000_00L, ct);
        var payment = new { id = Guid.NewGuid(), debitAccountId = treasury, creditAccountId = builder, amount = 600_000_00L, currency = "VES", memo = "Techo de la casa comunal", decisionId };

        var asked = await finance.PostAsJsonAsync($"{books}/transfers", payment, ct);
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await finance.PostAsJsonAsync($"{books}/transfers", payment, ct)).StatusCode);
        // A small transfer under the waiting one's id goes straight to the journal, which knows the id is taken.
        var reused = await finance.PostAsJsonAsync($"{books}/transfers", payment with { amount = 1_00L }, ct);
        Assert.Equal("idempotency-conflict", await AssemblyDriver.CodeAsync(reused, ct));
        var alone = await finance.PostAsync($"{books}/transfers/{payment.id}/approve", null, ct);
        Assert.Equal("second-person-required", await AssemblyDriver.CodeAsync(alone, ct));
        var before = await treasurer.GetFromJsonAsync<JsonElement>($"{books}/accounts", ct);
        Assert.Equal(900_000_00L, before.EnumerateArray().Single(a => a.GetProperty("code").GetString() == "TESORERIA").GetProperty("balance").GetInt64());

        var approved = await treasurer.PostAsync($"{books}/transfers/{payment.id}/approve", null, ct);

        Assert.Equal(HttpStatusCode.Created, approved.StatusCode);
        var posting = await approved.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.NotEqual(posting.GetProperty("postedBy").GetString(), posting.GetProperty("approvedBy").GetString());
        Assert.Equal(HttpStatusCode.OK, (await finance.PostAsJsonAsync($"{books}/transfers", payment, ct)).StatusCode);
        var after = await treasurer.GetFromJsonAsync<JsonElement>($"{books}/accounts", ct);
        Assert.Equal(300_000_00L, after.EnumerateArray().Single(a => a.GetProperty("code").GetString() == "TESORERIA").GetProperty("balance").GetInt64());
    }

    [Theory, BothEngines]
    public async Task Books_AreReadByTheCommuneAndKeptOnlyByItsFinanceUnit(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var finance = await server.SignedInAsync("finanzas.panal");
        using var resident = await server.SignedInAsync("residente.panal");
        using var oversight = await server.SignedInAsync("contraloria.panal");
        using var outsider = await server.SignedInAsync("admin.lidice");
        var books = $"/api/v1/communes/{await BooksApi.PanalIdAsync(database, ct)}";
        var treasury = await BooksApi.OpenAsync(finance, books, new { code = "TESORERIA", name = "Tesorería", kind = "treasury", currency = "VES" }, ct);
        var raffle = await BooksApi.OpenAsync(finance, books, new { code = "RIFAS", name = "Rifas", kind = "income", currency = "VES", source = "own-revenue" }, ct);
        var transfer = new { id = Guid.NewGuid(), debitAccountId = raffle, creditAccountId = treasury, amount = 5_000_00L, currency = "VES", memo = "Rifa de diciembre" };

        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync($"{books}/accounts", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await oversight.GetAsync($"{books}/transfers", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{books}/accounts", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Anonymous().GetAsync($"{books}/accounts", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await oversight.PostAsJsonAsync($"{books}/transfers", transfer, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostAsJsonAsync($"{books}/transfers", transfer, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"{books}/transfers", transfer, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await finance.PostAsJsonAsync($"{books}/transfers", transfer, ct)).StatusCode);
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Transfers.CountAsync(t => t.Memo == "Rifa de diciembre", ct));
    }

    private static async Task<long> LastSequenceAsync(TestDatabase database, Guid communeId, CancellationToken ct)
    {
        await using var db = database.NewContext();
        return await db.Transfers.Where(t => t.CommuneId == communeId).MaxAsync(t => (long?)t.Sequence, ct) ?? 0;
    }

    [Theory, BothEngines]
    public async Task AReversal_GivesItsMandateTheRoomBack_ForTheNextPayment(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var finance = await server.SignedInAsync("finanzas.panal");
        var panal = await BooksApi.PanalIdAsync(database, ct);
        var books = $"/api/v1/communes/{panal}";
        var sales = await BooksApi.OpenAsync(finance, books, new { code = "REV-VENTAS", name = "Ventas", kind = "income", currency = "VES", source = "own-revenue" }, ct);
        var treasury = await BooksApi.OpenAsync(finance, books, new { code = "REV-TESORERIA", name = "Tesorería", kind = "treasury", currency = "VES" }, ct);
        var supplier = await BooksApi.OpenAsync(finance, books, new { code = "REV-PROVEEDOR", name = "Proveedor", kind = "expense", currency = "VES" }, ct);
        Assert.Equal(HttpStatusCode.Created, (await finance.PostAsJsonAsync($"{books}/transfers",
            new { id = Guid.NewGuid(), debitAccountId = sales, creditAccountId = treasury, amount = 1_000_00L, currency = "VES", memo = "Ventas" }, ct)).StatusCode);
        var decisionId = await MandateAsync(server, database, 300_00L, ct);
        object Payment(long amount) => new { id = Guid.NewGuid(), debitAccountId = treasury, creditAccountId = supplier, amount, currency = "VES", memo = "Tubos", decisionId };

        var paid = await finance.PostAsJsonAsync($"{books}/transfers", Payment(300_00L), ct);
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        Assert.Equal("mandate-exceeded", await AssemblyDriver.CodeAsync(await finance.PostAsJsonAsync($"{books}/transfers", Payment(1L), ct), ct));
        var paidId = (await paid.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        var reversal = await finance.PostAsJsonAsync($"{books}/transfers",
            new { id = Guid.NewGuid(), debitAccountId = supplier, creditAccountId = treasury, amount = 300_00L, currency = "VES", memo = "Devolución de los tubos", reversesId = paidId }, ct);
        Assert.Equal(HttpStatusCode.Created, reversal.StatusCode);
        // The room the reversal gave back is spent again, and no more than it — also beside a transfer that
        // posts in the same batch, so that the payment is decided on what the writer remembers.
        var batch = await finance.PostAsJsonAsync($"{books}/transfers/batch", new[]
        {
            new { id = Guid.NewGuid(), debitAccountId = sales, creditAccountId = treasury, amount = 1L, currency = "VES", memo = "Ventas", decisionId = (Guid?)null },
            new { id = Guid.NewGuid(), debitAccountId = treasury, creditAccountId = supplier, amount = 300_00L, currency = "VES", memo = "Tubos", decisionId = (Guid?)decisionId },
        }, ct);
        Assert.Equal([201, 201], (await batch.Content.ReadFromJsonAsync<JsonElement>(ct)).EnumerateArray().Select(i => i.GetProperty("status").GetInt32()));
        Assert.Equal("mandate-exceeded", await AssemblyDriver.CodeAsync(await finance.PostAsJsonAsync($"{books}/transfers", Payment(1L), ct), ct));
        await using var scope = server.Services.CreateAsyncScope();
        var verified = await scope.ServiceProvider.GetRequiredService<VerifyLedger>().ExecuteAsync(panal, ct);
        Assert.True(verified.Value.Holds, string.Join("; ", verified.Value.Differences));
    }

    /// <summary>An assembly of Panal's first council approves spending <paramref name="amount"/> VES on pipes.</summary>
    private static async Task<Guid> MandateAsync(ComunaServer server, TestDatabase database, long amount, CancellationToken ct)
    {
        using var spokesperson = await server.SignedInAsync("vocera.panal");
        var driver = await AssemblyDriver.ForAsync(database, spokesperson, "DC-PANAL2021-CC01", ct);
        await driver.ConveneAndOpenAsync(ct, call: "second");
        var present = driver.Eligible.Take(driver.QuorumRequired).ToList();
        await Task.WhenAll(present.Select(r => driver.CheckInAsync(r, ct)));
        var voteId = await driver.CreateVoteAsync(new
        {
            question = "¿Compramos los tubos para el bloque 2?",
            kind = "yes-no-abstain",
            secret = true,
            mandate = new { purpose = "Tubos del bloque 2", amount, currency = "VES" },
        }, ct);
        (await driver.OpenVoteAsync(voteId, ct)).EnsureSuccessStatusCode();
        foreach (var voter in present.Take(present.Count / 2 + 1))
            (await driver.PaperBallotAsync(voteId, voter, new { choice = "yes" }, ct)).EnsureSuccessStatusCode();
        var closed = await driver.CloseVoteAsync(voteId, ct);
        return (await closed.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("decisionId").GetGuid();
    }
}
