using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Ledger;

public sealed class JournalExportTests
{
    [Theory, BothEngines]
    public async Task Oversight_ExportsTheJournal_AsJsonAndCsv_AndRecountsEveryBalanceAndHashFromIt(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        Guid panal;
        int postings;
        await using (var db = database.NewContext())
        {
            panal = await db.Communes.Where(c => c.Code == "COM-DC-PANAL2021").Select(c => c.Id).SingleAsync(ct);
            postings = await db.Transfers.CountAsync(t => t.CommuneId == panal, ct);
        }
        using var oversight = await server.SignedInAsync("contraloria.panal");
        var books = $"/api/v1/communes/{panal}";

        var journal = await oversight.GetFromJsonAsync<JsonElement>($"{books}/journal", ct);

        var lines = journal.EnumerateArray().ToList();
        Assert.Equal(postings, lines.Count);
        Assert.Equal(Enumerable.Range(1, postings).Select(i => (long)i), lines.Select(l => l.GetProperty("sequence").GetInt64()));
        for (var i = 1; i < lines.Count; i++)
            Assert.Equal(lines[i - 1].GetProperty("hash").GetString(), lines[i].GetProperty("previousHash").GetString());
        var recounted = new Dictionary<string, long>();
        foreach (var line in lines)
        {
            var amount = line.GetProperty("amount").GetInt64();
            recounted[line.GetProperty("debitAccount").GetString()!] = recounted.GetValueOrDefault(line.GetProperty("debitAccount").GetString()!) - amount;
            recounted[line.GetProperty("creditAccount").GetString()!] = recounted.GetValueOrDefault(line.GetProperty("creditAccount").GetString()!) + amount;
        }
        var accounts = await oversight.GetFromJsonAsync<JsonElement>($"{books}/accounts", ct);
        foreach (var account in accounts.EnumerateArray())
            Assert.Equal(account.GetProperty("balance").GetInt64(), recounted.GetValueOrDefault(account.GetProperty("code").GetString()!));
        var mandated = lines.First(l => l.GetProperty("mandatePurpose").ValueKind == JsonValueKind.String);
        Assert.NotEqual(JsonValueKind.Null, mandated.GetProperty("assemblyId").ValueKind);

        using var csvResponse = await oversight.GetAsync($"{books}/journal?format=csv", ct);
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        using var reader = new StringReader(await csvResponse.Content.ReadAsStringAsync(ct));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(postings, rows.Count);
        Assert.Equal(lines[^1].GetProperty("hash").GetString(), rows[^1]["hash"]);
        Assert.Equal(lines[0].GetProperty("memo").GetString(), rows[0]["memo"]);

        using var outsider = await server.SignedInAsync("admin.lidice");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{books}/journal", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await oversight.GetAsync($"{books}/journal?format=xml", ct)).StatusCode);
    }
}
