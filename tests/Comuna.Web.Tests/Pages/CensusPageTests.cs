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

        var bad = $"{Header}\nN001,V-31000001,Rosa,Pérez,1990-02-30,F,Caserío Norte 1\nN001,V-31000002,Luis,Pérez,1988-05-01,X,Caserío Norte 1\n"
            + "N002,V-31000003,Ana,Gil,1995-01-01,F,Caserío Sur\nN003,V-31000003,Ana,Gil,1995-01-01,F,Caserío Sur\n"
            + "N002,V-31000004,Juan,Gil,1993-01-01,M,Otra casa\nN004,V-31000005,Eva,Ruiz,1999-01-01,F,Calle 1, casa 2\n";
        using var refused = await page.UploadAsync(form, "Upload", "censo.csv", Encoding.UTF8.GetBytes(bad));
        var refusedHtml = WebUtility.HtmlDecode(await PageClient.TextAsync(refused));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("No se guardó nada", refusedHtml, StringComparison.Ordinal);
        // Every bad line, each said in Spanish with the values the file had.
        Assert.Contains("<td class=\"n\">2</td><td>birth_date</td><td>'1990-02-30' no es una fecha de la forma AAAA-MM-DD.</td>", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("<td class=\"n\">3</td><td>sex</td><td>'X' no es un sexo; escriba F o M.</td>", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("La persona V-31000003 también está en la línea 4; una persona vive en un solo hogar.", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("El hogar N002 tiene otra dirección en la línea 4; un hogar tiene una sola dirección.", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("La fila tiene 8 campos; el encabezado tiene 7.", refusedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(" is not ", refusedHtml, StringComparison.Ordinal);
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
