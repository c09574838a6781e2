using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comuna.Application.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Web.Tests.Ledger;

/// <summary>
/// The journal writer decides most batches from its memory of heads and balances. Two servers on
/// one database — two processes, each with its own memory — must still chain one journal, keep
/// every balance true and refuse what the books cannot pay: a head moved by the other server is
/// noticed, and what the other server wrote is read before anything is decided on it.
/// </summary>
public sealed class JournalMemoryTests
{
    [Theory, BothEngines]
    public async Task TwoServersOnOneDatabase_ChainOneJournal_AndNeitherDecidesOnStaleBalances(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var first = await ComunaServer.StartAsync(database);
        await using var second = await ComunaServer.StartAsync(database);
        using var here = await first.SignedInAsync("finanzas.panal");
        using var there = await second.SignedInAsync("finanzas.panal");
        var panal = await BooksApi.PanalIdAsync(database, ct);
        var books = $"/api/v1/communes/{panal}";
        var sales = await BooksApi.OpenAsync(here, books, new { code = "MEM-VENTAS", name = "Ventas", kind = "income", currency = "VES", source = "own-revenue" }, ct);
        var a = await BooksApi.OpenAsync(here, books, new { code = "MEM-A", name = "Fondo A", kind = "fund", currency = "VES" }, ct);
        var b = await BooksApi.OpenAsync(here, books, new { code = "MEM-B", name = "Fondo B", kind = "fund", currency = "VES" }, ct);

        // Each server learns the journal: the first from its own posting, the second from one after it.
        var one = await PostAsync(here, books, sales, a, 100, ct);
        Assert.Equal(HttpStatusCode.Created, one.Status);
        var two = await PostAsync(there, books, sales, a, 50, ct);
        Assert.Equal(two.Sequence, one.Sequence + 1);
        // The first server remembers A at 100, but the second made it 150: moving 150 must pass…
        var three = await PostAsync(here, books, a, b, 150, ct);
        Assert.Equal(HttpStatusCode.Created, three.Status);
        Assert.Equal(two.Sequence + 1, three.Sequence);
        // …and the second, which remembers A at 150, must now find it empty.
        var four = await PostAsync(there, books, a, b, 1, ct);
        Assert.Equal(HttpStatusCode.Conflict, four.Status);
        // Back and forth, both keep chaining after each other.
        var five = await PostAsync(there, books, b, a, 10, ct);
        var six = await PostAsync(here, books, b, a, 10, ct);
        Assert.Equal(three.Sequence + 1, five.Sequence);
        Assert.Equal(five.Sequence + 1, six.Sequence);

        await using (var db = database.NewContext())
        {
            Assert.Equal(20L, await db.Accounts.Where(x => x.Id == a).Select(x => x.Balance).SingleAsync(ct));
            Assert.Equal(130L, await db.Accounts.Where(x => x.Id == b).Select(x => x.Balance).SingleAsync(ct));
        }
        var memory = Assert.IsType<JournalBatcher>(first.Services.GetRequiredService<PostingJournal>());
        Assert.True(memory.BatchesFromMemory < memory.BatchesWritten, "the first server never noticed that the head had moved");
        await using var scope = first.Services.CreateAsyncScope();
        var verified = await scope.ServiceProvider.GetRequiredService<VerifyLedger>().ExecuteAsync(panal, ct);
        Assert.True(verified.Value.Holds, string.Join("; ", verified.Value.Differences));
    }

    [Theory, BothEngines]
    public async Task OneServer_DecidesFromMemory_OnceItKnowsTheJournal(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var finance = await server.SignedInAsync("finanzas.panal");
        var panal = await BooksApi.PanalIdAsync(database, ct);
        var books = $"/api/v1/communes/{panal}";
        var sales = await BooksApi.OpenAsync(finance, books, new { code = "MEM-VENTAS", name = "Ventas", kind = "income", currency = "VES", source = "own-revenue" }, ct);
        var a = await BooksApi.OpenAsync(finance, books, new { code = "MEM-A", name = "Fondo A", kind = "fund", currency = "VES" }, ct);
        var batcher = Assert.IsType<JournalBatcher>(server.Services.GetRequiredService<PostingJournal>());
        await PostAsync(finance, books, sales, a, 1, ct);
        var (written, remembered) = (batcher.BatchesWritten, batcher.BatchesFromMemory);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Created, (await PostAsync(finance, books, sales, a, 1, ct)).Status);
        Assert.Equal(batcher.BatchesWritten - written, batcher.BatchesFromMemory - remembered);
    }

    private static async Task<(HttpStatusCode Status, long Sequence)> PostAsync(HttpClient client, string books, Guid from, Guid to, long amount, CancellationToken ct)
    {
        var response = await client.PostAsJsonAsync($"{books}/transfers",
            new { id = Guid.NewGuid(), debitAccountId = from, creditAccountId = to, amount, currency = "VES", memo = $"Movimiento de {amount}" }, ct);
        if (response.StatusCode != HttpStatusCode.Created)
            return (response.StatusCode, 0);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("sequence").GetInt64());
    }
}
