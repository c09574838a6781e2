using System.Net;
using System.Text.RegularExpressions;
using Comuna.Data;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Pages;

/// <summary>What the assembly page tests share: reading the pages' answers and the census.</summary>
internal static partial class DeliberationPages
{
    public const string Maizal = "LA-ELMAIZAL-CC01";

    [GeneratedRegex("<code id=\"receipt\">([0-9A-Z]{12})</code>")]
    private static partial Regex ReceiptPattern();

    [GeneratedRegex("id=\"present\">([0-9.,]+)<")]
    private static partial Regex PresentPattern();

    public static string Receipt(string html)
    {
        var match = ReceiptPattern().Match(html);
        Assert.True(match.Success, "The page shows no receipt.");
        return match.Groups[1].Value;
    }

    public static int Present(string html)
    {
        var match = PresentPattern().Match(html);
        Assert.True(match.Success, "The page shows no count of those present.");
        return int.Parse(match.Groups[1].Value.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The assembly id in the address a form redirected to (/asambleas/{id}…).</summary>
    public static Guid AssemblyIdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/asambleas/", path, StringComparison.Ordinal);
        return Guid.Parse(path.Split('/')[2]);
    }

    /// <summary>The national ids of residents, in the order given.</summary>
    public static async Task<List<string>> NationalIdsAsync(TestDatabase database, IEnumerable<Guid> residents)
    {
        var ids = residents.ToList();
        await using var db = database.NewContext();
        var byId = await db.Residents.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.NationalId, TestContext.Current.CancellationToken);
        return ids.Select(id => byId[id]).ToList();
    }

    /// <summary>The resident a demo account is, from its role.</summary>
    public static async Task<Guid> ResidentOfAsync(TestDatabase database, string username)
    {
        await using var db = database.NewContext();
        var ct = TestContext.Current.CancellationToken;
        var user = await db.Users.SingleAsync(u => u.UserName == username, ct);
        return await db.RoleAssignments.Where(r => r.UserId == user.Id && r.ResidentId != null).Select(r => r.ResidentId!.Value).SingleAsync(ct);
    }

    public static async Task<T> QueryAsync<T>(TestDatabase database, Func<ComunaDbContext, Task<T>> query)
    {
        await using var db = database.NewContext();
        return await query(db);
    }
}
