using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Pages;

/// <summary>Looks up demo councils by their registry code, to know which page to open.</summary>
public static class DemoCouncils
{
    /// <summary>The first council of Panal 2021, where vocera.panal is a spokesperson.</summary>
    public const string PanalFirst = "DC-PANAL2021-CC01";

    public static async Task<Guid> IdAsync(TestDatabase database, string code)
    {
        await using var db = database.NewContext();
        return await db.Councils.Where(c => c.Code == code).Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken);
    }
}
