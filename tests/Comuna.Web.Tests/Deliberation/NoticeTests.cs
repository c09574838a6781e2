using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Comuna.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Deliberation;

public sealed class NoticeTests
{
    [Theory, BothEngines]
    public async Task ConveningWithLessThanTheRuleSetsNotice_IsAllowedButShown(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var spokesperson = await server.SignedInAsync("vocero.maizal");
        Guid councilId;
        await using (var db = database.NewContext())
            councilId = await db.Councils.Where(c => c.Code == "LA-ELMAIZAL-CC01").Select(c => c.Id).SingleAsync(ct);

        async Task<JsonElement> ConveneAsync(TimeSpan ahead)
        {
            var startsAt = DateTimeOffset.UtcNow.Add(ahead).ToString("O", CultureInfo.InvariantCulture);
            var response = await spokesperson.PostAsJsonAsync("/api/v1/assemblies",
                new { councilId, startsAt, place = "Escuela del caserío", agenda = new[] { "Siembra" } }, ct);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        }

        var hurried = await ConveneAsync(TimeSpan.FromDays(1));
        var announced = await ConveneAsync(TimeSpan.FromDays(10));

        Assert.True(hurried.GetProperty("shortNotice").GetBoolean());
        Assert.Equal(3, hurried.GetProperty("noticeDaysRequired").GetInt32());
        Assert.False(announced.GetProperty("shortNotice").GetBoolean());
        using var page = new PageClient(server);
        var html = await page.HtmlAsync($"/asambleas/{hurried.GetProperty("id").GetGuid()}");
        Assert.Contains("menos de 3 días de anticipación", html, StringComparison.Ordinal);
        Assert.DoesNotContain("short-notice", await page.HtmlAsync($"/asambleas/{announced.GetProperty("id").GetGuid()}"), StringComparison.Ordinal);
    }
}
