using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comuna.Application.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Web.Tests.Ledger;

/// <summary>
/// Many transfers in one request (<c>POST …/transfers/batch</c>): each answered on its own, in
/// order, exactly as if sent alone one after the other — a refusal fails only itself, a retry
/// finds its posting, a changed body under a used id is a conflict — and only the finance unit may send them.
/// </summary>
public sealed class TransferBatchTests
{
    [Theory, BothEngines]
    public async Task ABatch_AnswersEachTransferAsIfSentAlone_InOrder(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var finance = await server.SignedInAsync("finanzas.panal");
        var panal = await BooksApi.PanalIdAsync(database, ct);
        var books = $"/api/v1/communes/{panal}";
        var sales = await BooksApi.OpenAsync(finance, books, new { code = "LOTE-VENTAS", name = "Ventas", kind = "income", currency = "VES", source = "own-revenue" }, ct);
        var fund = await BooksApi.OpenAsync(finance, books, new { code = "LOTE-FONDO", name = "Fondo", kind = "fund", currency = "VES" }, ct);
        var project = await BooksApi.OpenAsync(finance, books, new { code = "LOTE-PROYECTO", name = "Proyecto", kind = "project", currency = "VES" }, ct);
        var supplier = await BooksApi.OpenAsync(finance, books, new { code = "LOTE-PROVEEDOR", name = "Proveedor", kind = "expense", currency = "VES" }, ct);
        var dollars = await BooksApi.OpenAsync(finance, books, new { code = "LOTE-USD", name = "Caja en dólares", kind = "fund", currency = "USD" }, ct);

        var deposit = new { id = Guid.NewGuid(), debitAccountId = sales, creditAccountId = fund, amount = 500L, currency = "VES", memo = "Ventas" };
        var batch = new object[]
        {
            deposit,
            new { id = Guid.NewGuid(), debitAccountId = fund, creditAccountId = project, amount = 300L, currency = "VES", memo = "Al proyecto" },
            // 200 are left in the fund, so this one cannot post — and it changes nothing for the next.
            new { id = Guid.NewGuid(), debitAccountId = fund, creditAccountId = project, amount = 400L, currency = "VES", memo = "Demasiado" },
            new { id = Guid.NewGuid(), debitAccountId = fund, creditAccountId = project, amount = 200L, currency = "VES", memo = "El resto" },
            new { id = Guid.NewGuid(), debitAccountId = project, creditAccountId = supplier, amount = 100L, currency = "VES", memo = "Sin mandato" },
            new { id = Guid.NewGuid(), debitAccountId = fund, creditAccountId = dollars, amount = 1L, currency = "VES", memo = "Otra moneda" },
            new { id = Guid.NewGuid(), debitAccountId = sales, creditAccountId = fund, amount = 0L, currency = "VES", memo = "Nada" },
            deposit,
            deposit with { amount = 501L },
        };
        var response = await finance.PostAsJsonAsync($"{books}/transfers/batch", batch, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).EnumerateArray().ToList();

        Assert.Equal([201, 201, 409, 201, 403, 400, 400, 200, 409], items.Select(i => i.GetProperty("status").GetInt32()));
        Assert.Equal(
            [null, null, "insufficient-funds", null, "mandate-required", "currency-mismatch", "amount", null, "idempotency-conflict"],
            items.Select(i => i.GetProperty("problem").ValueKind == JsonValueKind.Null ? null
                : i.GetProperty("problem").GetProperty("code").GetString() == "invalid-field" ? i.GetProperty("problem").GetProperty("field").GetString()
                : i.GetProperty("problem").GetProperty("code").GetString()));
        Assert.Equal(deposit.id, items[7].GetProperty("id").GetGuid());
        Assert.Equal(items[0].GetProperty("transfer").GetProperty("hash").GetString(), items[7].GetProperty("transfer").GetProperty("hash").GetString());
        var sequences = items.Where(i => i.GetProperty("status").GetInt32() == 201).Select(i => i.GetProperty("transfer").GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal([sequences[0], sequences[0] + 1, sequences[0] + 2], sequences);

        await using (var db = database.NewContext())
        {
            Assert.Equal(0L, await db.Accounts.Where(x => x.Id == fund).Select(x => x.Balance).SingleAsync(ct));
            Assert.Equal(500L, await db.Accounts.Where(x => x.Id == project).Select(x => x.Balance).SingleAsync(ct));
            Assert.Equal(0L, await db.Accounts.Where(x => x.Id == supplier).Select(x => x.Balance).SingleAsync(ct));
        }
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var verified = await scope.ServiceProvider.GetRequiredService<VerifyLedger>().ExecuteAsync(panal, ct);
            Assert.True(verified.Value.Holds, string.Join("; ", verified.Value.Differences));
        }

        // The request as a whole: bounded, and only the finance unit's.
        var tooMany = Enumerable.Range(0, PostTransfer.MaxPerRequest + 1)
            .Select(i => new { id = Guid.NewGuid(), debitAccountId = sales, creditAccountId = fund, amount = 1L, currency = "VES", memo = $"Venta {i}" });
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.PostAsJsonAsync($"{books}/transfers/batch", tooMany, ct)).StatusCode);
        using var resident = await server.SignedInAsync("residente.panal");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostAsJsonAsync($"{books}/transfers/batch", new[] { deposit }, ct)).StatusCode);
        using var stranger = await server.SignedInAsync("admin.lidice");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"{books}/transfers/batch", new[] { deposit }, ct)).StatusCode);
    }
}
