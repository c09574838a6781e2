using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Pages;

/// <summary>
/// A date box that a cheap browser shows as plain text is typed as people write dates: day first
/// in Spanish (10/12/2026 is the tenth of December), month first in English. (The date picker's
/// own form, 2026-12-10, is what the other round tests send.)
/// </summary>
public sealed class DateEntryTests
{
    [Theory]
    [InlineData(null, "10/12/2026", "11/12/2026")]
    [InlineData("en", "12/10/2026", "12/11/2026")]
    public async Task NewRound_ReadsATypedDateAsTheReadersLanguageWritesIt(string? language, string starts, string ends)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        var councilId = await DemoCouncils.IdAsync(database, DemoCouncils.PanalFirst);
        using var vocera = new PageClient(server);
        await vocera.SignInAsync("vocera.panal");
        if (language is not null)
            (await vocera.GetAsync($"/idioma/{language}?volver=/")).Dispose();

        using var created = await vocera.SubmitAsync($"/consejos/{councilId}/jornadas/nueva",
        [
            new("Input.Kind", "FoodBox"), new("Input.Item", "Caja de diciembre"), new("Input.Unit", "caja"), new("Input.UnitsArrived", "20"),
            new("Input.StartsOn", starts), new("Input.EndsOn", ends), new("Input.PickupPoints", "Casa comunal"), new("Input.UnitsPerHousehold", "1"),
        ]);

        Assert.Matches("^/jornadas/[0-9a-f-]{36}$", created.RequestMessage!.RequestUri!.AbsolutePath);
        await using var db = database.NewContext();
        var round = await db.DistributionRounds.SingleAsync(r => r.Item == "Caja de diciembre", ct);
        Assert.Equal(new DateOnly(2026, 12, 10), round.StartsOn);
        Assert.Equal(new DateOnly(2026, 12, 11), round.EndsOn);
    }
}
