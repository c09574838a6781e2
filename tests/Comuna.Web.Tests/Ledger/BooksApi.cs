using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Ledger;

/// <summary>What the bank's tests do before they move money: find Panal 2021's books and open accounts in them.</summary>
internal static class BooksApi
{
    public static async Task<Guid> PanalIdAsync(TestDatabase database, CancellationToken ct)
    {
        await using var db = database.NewContext();
        return await db.Communes.Where(c => c.Code == "COM-DC-PANAL2021").Select(c => c.Id).SingleAsync(ct);
    }

    /// <summary>Opens <paramref name="account"/> in <paramref name="books"/> (a commune's API path) and gives its id.</summary>
    public static async Task<Guid> OpenAsync(HttpClient client, string books, object account, CancellationToken ct)
    {
        var response = await client.PostAsJsonAsync($"{books}/accounts", account, ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
    }
}
