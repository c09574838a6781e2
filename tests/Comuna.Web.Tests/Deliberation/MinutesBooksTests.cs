using System.Net.Http.Json;
using System.Text.Json;
using Comuna.Application.Deliberation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Web.Tests.Deliberation;

public sealed class MinutesBooksTests
{
    [Theory, BothEngines]
    public async Task Minutes_RecordThePostingsSinceTheCommunesPreviousMinutes_AndVerifyTellsWhenOneIsRewritten(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var spokesperson = await server.SignedInAsync("vocero.maizal");
        using var finance = await server.SignedInAsync("finanzas.maizal");
        Guid maizal;
        long head;
        await using (var db = database.NewContext())
        {
            maizal = await db.Communes.Where(c => c.Code == "COM-LA-ELMAIZAL").Select(c => c.Id).SingleAsync(ct);
            head = await db.Transfers.Where(t => t.CommuneId == maizal).MaxAsync(t => t.Sequence, ct);
        }

        var first = await CloseAnAssemblyAsync(database, spokesperson, ct);
        var firstBooks = first.GetProperty("content").GetProperty("books");
        Assert.Equal(head, firstBooks.GetProperty("toSequence").GetInt64());
        Assert.True(firstBooks.GetProperty("fromSequence").GetInt64() > 0, "The demo's assemblies already recorded the books' first postings.");

        var accounts = (await finance.GetFromJsonAsync<JsonElement>($"/api/v1/communes/{maizal}/accounts", ct)).EnumerateArray()
            .ToDictionary(a => a.GetProperty("code").GetString()!, a => a.GetProperty("id").GetGuid());
        var posted = await finance.PostAsJsonAsync($"/api/v1/communes/{maizal}/transfers", new
        {
            id = Guid.NewGuid(),
            debitAccountId = accounts["4102"],
            creditAccountId = accounts["1201"],
            amount = 15_000_00L,
            currency = "VES",
            memo = "Leche de la semana",
        }, ct);
        var posting = await posted.Content.ReadFromJsonAsync<JsonElement>(ct);

        var second = await CloseAnAssemblyAsync(database, spokesperson, ct);
        var books = second.GetProperty("content").GetProperty("books");
        Assert.Equal(head, books.GetProperty("fromSequence").GetInt64());
        Assert.Equal(head + 1, books.GetProperty("toSequence").GetInt64());
        Assert.Equal(1, books.GetProperty("postings").GetInt32());
        Assert.Equal(posting.GetProperty("hash").GetString(), books.GetProperty("lastHash").GetString());
        var ves = books.GetProperty("totals").EnumerateArray().Single();
        Assert.Equal(15_000_00L, ves.GetProperty("income").GetInt64());

        var secondId = second.GetProperty("assemblyId").GetGuid();
        using var page = new Pages.PageClient(server);
        Assert.Contains("Asientos", await page.HtmlAsync($"/asambleas/{secondId}/acta"), StringComparison.Ordinal);

        await using var scope = server.Services.CreateAsyncScope();
        var verify = scope.ServiceProvider.GetRequiredService<VerifyAssembly>();
        Assert.True((await verify.ExecuteAsync(secondId, ct)).Value.Holds);
        Assert.True((await verify.ExecuteAsync(first.GetProperty("assemblyId").GetGuid(), ct)).Value.Holds);
        await using (var db = database.NewContext())
        {
            var sequence = head + 1;
            await db.Transfers.Where(t => t.CommuneId == maizal && t.Sequence == sequence)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Amount, 1_500_00L), ct);
        }
        var tampered = await verify.ExecuteAsync(secondId, ct);
        Assert.False(tampered.Value.Holds);
        Assert.Contains(tampered.Value.Differences, d => d.Contains("books", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> CloseAnAssemblyAsync(TestDatabase database, HttpClient spokesperson, CancellationToken ct)
    {
        var driver = await AssemblyDriver.ForAsync(database, spokesperson, "LA-ELMAIZAL-CC01", ct);
        await driver.ConveneAndOpenAsync(ct, call: "second");
        var closed = await spokesperson.PostAsync($"/api/v1/assemblies/{driver.AssemblyId}/close", null, ct);
        closed.EnsureSuccessStatusCode();
        return await closed.Content.ReadFromJsonAsync<JsonElement>(ct);
    }
}
