using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Pages;

public sealed class CensusPageTests
{
    private const string Header = "household_code,national_id,first_names,last_names,birth_date,sex,address";

    [Theory, BothEngines]
    public async Task UploadingACensusFile_ThroughThePage_ImportsItOrListsEveryBadLine(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var page = new PageClient(server);
        await page.SignInAsync("vocero.maizal");
        Guid councilId;
        await using (var db = database.NewContext())
            councilId = await db.Councils.Where(c => c.Code == "LA-ELMAIZAL-CC01").Select(c => c.Id).SingleAsync(ct);
        var form = $"/consejos/{councilId}/censo";

        var bad = $"{Header}\nN001,V-31000001,Rosa,Pérez,1990-02-30,F,Caserío Norte 1\nN001,V-31000002,Luis,Pérez,1988-05-01,X,Caserío Norte 1\n";
        using var refused = await page.UploadAsync(form, "Upload", "censo.csv", Encoding.UTF8.GetBytes(bad));
        var refusedHtml = await PageClient.TextAsync(refused);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("No se guardó nada", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("<td class=\"n\">2</td>", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("<td class=\"n\">3</td>", refusedHtml, StringComparison.Ordinal);
        await using (var db = database.NewContext())
            Assert.False(await db.Residents.AnyAsync(r => r.NationalId == "V-31000002", ct));

        var good = $"{Header}\nN001,V-31000001,Rosa,Pérez,1990-02-28,F,Caserío Norte 1\nN001,V-31000002,Luis,Pérez,1988-05-01,M,Caserío Norte 1\n";
        using var imported = await page.UploadAsync(form, "Upload", "censo.csv", Encoding.UTF8.GetBytes(good));
        Assert.Contains("El censo fue importado.", await PageClient.TextAsync(imported), StringComparison.Ordinal);
        await using (var db = database.NewContext())
            Assert.Equal(2, await db.Residents.CountAsync(r => r.Household!.Code == "N001" && r.Household.CouncilId == councilId, ct));

        using var download = await page.GetAsync($"/api/v1/councils/{councilId}/census");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains("V-31000002", await download.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CensusPage_OfAnotherCommune_IsNotFound()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var page = new PageClient(server);
        await page.SignInAsync("vocero.maizal");
        Guid panal;
        await using (var db = database.NewContext())
            panal = await db.Councils.Where(c => c.Code == "DC-PANAL2021-CC01").Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken);

        using var response = await page.GetAsync($"/consejos/{panal}/censo");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
