using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comuna.Application.Ledger;
using Comuna.Web.Tests.Deliberation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Web.Tests.Ledger;

/// <summary>
/// Transfers that arrive together are committed together, and each still gets its own answer:
/// one refused for lack of funds fails alone, the same id twice at once posts once, and the
/// journal chains through every batch without a gap.
/// </summary>
public sealed class GroupCommitTests
{
    private const int Moves = 80;

    [Theory, BothEngines]
    public async Task ConcurrentTransfers_ShareCommits_YetEachIsDecidedAsIfAlone(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var finance = await server.SignedInAsync("finanzas.panal");
        var panal = await BooksApi.PanalIdAsync(database, ct);
        var books = $"/api/v1/communes/{panal}";
        var sales = await BooksApi.OpenAsync(finance, books, new { code = "LOTE-VENTAS", name = "Ventas", kind = "income", currency = "VES", source = "own-revenue" }, ct);
        var a = await BooksApi.OpenAsync(finance, books, new { code = "LOTE-A", name = "Fondo A", kind = "fund", currency = "VES" }, ct);
        var b = await BooksApi.OpenAsync(finance, books, new { code = "LOTE-B", name = "Fondo B", kind = "fund", currency = "VES" }, ct);
        (await finance.PostAsJsonAsync($"{books}/transfers", new { id = Guid.NewGuid(), debitAccountId = sales, creditAccountId = a, amount = 1_000L, currency = "VES", memo = "Apertura" }, ct)).EnsureSuccessStatusCode();
        var batcher = Assert.IsType<JournalBatcher>(server.Services.GetRequiredService<PostingJournal>());
        var batchesBefore = batcher.BatchesWritten;
        var requestsBefore = batcher.RequestsWritten;

        // A holds 1,000: of 80 moves of 100 from A to B at once, exactly 10 can post, whatever batches they fall in.
        // One of them is sent twice at the same moment.
        var twice = new { id = Guid.NewGuid(), debitAccountId = a, creditAccountId = b, amount = 100L, currency = "VES", memo = "Movimiento doble" };
        var moves = Enumerable.Range(0, Moves).Select(i => (object)new { id = Guid.NewGuid(), debitAccountId = a, creditAccountId = b, amount = 100L, currency = "VES", memo = $"Movimiento {i}" })
            .Append(twice).Append(twice);
        var answers = await Task.WhenAll(moves.Select(m => finance.PostAsJsonAsync($"{books}/transfers", m, ct)));

        var posted = answers.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Equal(10, posted.Count);
        foreach (var refused in answers.Where(r => r.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK)))
            Assert.Equal("insufficient-funds", await AssemblyDriver.CodeAsync(refused, ct));
        var retried = answers.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        Assert.True(retried.Count <= 1, $"{retried.Count} answers of 200 for one doubled request");
        Assert.True(batcher.BatchesWritten - batchesBefore < batcher.RequestsWritten - requestsBefore,
            $"{batcher.RequestsWritten - requestsBefore} transfers in {batcher.BatchesWritten - batchesBefore} commits: none shared one");

        await using (var db = database.NewContext())
        {
            Assert.Equal(0L, await db.Accounts.Where(x => x.Id == a).Select(x => x.Balance).SingleAsync(ct));
            Assert.Equal(1_000L, await db.Accounts.Where(x => x.Id == b).Select(x => x.Balance).SingleAsync(ct));
            Assert.True(await db.Transfers.CountAsync(t => t.Memo == "Movimiento doble", ct) <= 1);
        }
        var sequences = new List<long>();
        foreach (var response in posted.Concat(retried))
            sequences.Add((await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("sequence").GetInt64());
        Assert.Equal(10, sequences.Distinct().Count());
        Assert.Equal(sequences.Min() + 9, sequences.Max());
        await using var scope = server.Services.CreateAsyncScope();
        var verified = await scope.ServiceProvider.GetRequiredService<VerifyLedger>().ExecuteAsync(panal, ct);
        Assert.True(verified.Value.Holds, string.Join("; ", verified.Value.Differences));
    }
}
