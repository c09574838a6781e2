using Comuna.Domain.Deliberation;
using Comuna.Web.FoodPlan;
using Comuna.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Browser;

/// <summary>
/// On a phone 390 pixels wide no page may be wider than the screen: a wide table scrolls in its own
/// box, a long code breaks, and the rest of the page — the buttons above all — stays in view.
/// </summary>
public sealed class PhoneLayoutBrowserTests
{
    private const int PhoneWidth = 390;

    [Fact]
    public async Task EveryPageOfACommune_FitsAPhonesWidth()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        var council = await DemoCouncils.IdAsync(database, DemoCouncils.PanalFirst);
        Guid commune, round, councilAssembly, parliamentSession;
        await using (var db = database.NewContext())
        {
            commune = await db.Communes.Where(c => c.Code == "COM-DC-PANAL2021").Select(c => c.Id).SingleAsync(ct);
            round = await db.DistributionRounds.Where(r => r.CouncilId == council).Select(r => r.Id).FirstAsync(ct);
            councilAssembly = await db.Assemblies.Where(a => a.CouncilId != null && a.Status == AssemblyStatus.Closed).Select(a => a.Id).FirstAsync(ct);
            parliamentSession = await db.Assemblies.Where(a => a.CommuneId == commune && a.Status == AssemblyStatus.Closed).Select(a => a.Id).FirstAsync(ct);
        }

        var tooWide = new List<string>();
        tooWide.AddRange(await TooWideAsync(server, "admin.panal",
        [
            "/", "/comunas", $"/comunas/{commune}", $"/comunas/{commune}/cuentas", $"/comunas/{commune}/parlamento",
            $"/consejos/{council}", $"/consejos/{council}/censo", $"/consejos/{council}/hogares", $"/consejos/{council}/habitantes",
            $"/consejos/{council}/asambleas", $"/asambleas/{councilAssembly}", $"/asambleas/{councilAssembly}/acta",
            $"/asambleas/{parliamentSession}/acta", $"/consejos/{council}/revocatorias",
            $"/consejos/{council}/jornadas", $"/consejos/{council}/jornadas/nueva", $"/jornadas/{round}", $"/jornadas/{round}/acta",
            $"/consejos/{council}/jornadas/transparencia", $"/consejos/{council}/salud",
            "/plan-alimentario", "/plan-alimentario/tablas", $"/plan-alimentario/ejecuciones/{DemoFoodPlan.Id}",
            "/territorio",
        ]));
        tooWide.AddRange(await TooWideAsync(server, "finanzas.panal", [$"/comunas/{commune}/cuentas/registrar"]));

        Assert.True(tooWide.Count == 0, "Wider than a phone: " + string.Join("; ", tooWide));
    }

    /// <summary>The pages, each with its width, that are wider than the phone (or do not answer 200).</summary>
    private static async Task<List<string>> TooWideAsync(ComunaServer server, string username, IEnumerable<string> paths)
    {
        await using var browser = await PhoneBrowser.OpenAsync(server.BaseAddress);
        await browser.SignInAsync(username);
        var found = new List<string>();
        foreach (var path in paths)
        {
            var response = await browser.Page.GotoAsync(path);
            if (response?.Status != 200)
            {
                found.Add($"{path} answered {response?.Status}");
                continue;
            }
            var width = await browser.Page.Locator("html").EvaluateAsync<int>("html => html.scrollWidth");
            if (width > PhoneWidth)
                found.Add($"{path} is {width} px");
        }
        return found;
    }
}
