using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Pages;

public sealed class CommunePageTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("finanzas.panal", false)]
    [InlineData("residente.panal", false)]
    [InlineData("vocera.panal", true)]
    [InlineData("admin.lidice", true)]
    [InlineData("coordinadora", true)]
    public async Task CommunesList_OffersTheRegistrationOfACouncil_OnlyToWhoeverMayRegisterOne(string? reader, bool register)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);
        if (reader is not null)
            await client.SignInAsync(reader);

        var html = await client.HtmlAsync("/comunas");

        Assert.Contains("Panal 2021", html, StringComparison.Ordinal);
        Assert.Equal(register, html.Contains("href=\"/consejos/registrar\"", StringComparison.Ordinal));
    }

    [Theory, BothEngines]
    public async Task CommunePage_ShowsWhatThePublishedPlanHasItSendAndReceive_AndLeadsToItsOwnDeliveryOrders(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var anyone = new PageClient(server);
        async Task<Guid> IdOfAsync(string code)
        {
            await using var db = database.NewContext();
            return await db.Communes.Where(c => c.Code == code).Select(c => c.Id).SingleAsync(ct);
        }
        async Task<string> PageOfAsync(string code) => await anyone.HtmlAsync($"/comunas/{await IdOfAsync(code)}");

        var maizal = await PageOfAsync("COM-LA-ELMAIZAL");
        var panal = await PageOfAsync("COM-DC-PANAL2021");

        // The demo's published plan: El Maizal's maize and plantain go to Caracas, whose communes receive them.
        const string Run = "/plan-alimentario/ejecuciones/00000000000000000000000000000de1";
        Assert.Contains("<h2 id=\"plan-alimentario\">En los planes alimentarios publicados</h2>", maizal, StringComparison.Ordinal);
        Assert.Contains("Envía: Maíz 20.000 kg · Plátano 9.000 kg", maizal, StringComparison.Ordinal);
        // Where the commune is based is its seat (sede), not a seat in a parliament (escaño).
        Assert.Contains("<small id=\"seat\">Sede: <a href=\"https://www.openstreetmap.org/", maizal, StringComparison.Ordinal);
        Assert.DoesNotContain("Recibe:", maizal, StringComparison.Ordinal);
        Assert.Contains("Recibe: Maíz 14.400 kg · Plátano 10.800 kg · Tomate 5.400 kg", panal, StringComparison.Ordinal);
        Assert.DoesNotContain("Envía:", panal, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Run}?lugar=COM-LA-ELMAIZAL#por-comuna\"", maizal, StringComparison.Ordinal);
        var csvLink = $"{Run}?lugar=COM-LA-ELMAIZAL&handler=Csv";
        Assert.Contains($"href=\"{csvLink}\"", maizal, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Run}?lugar=COM-LA-ELMAIZAL&handler=Pdf\"", maizal, StringComparison.Ordinal);

        // Its orders are El Maizal's: every line leaves from it (it receives nothing).
        using var csv = await anyone.GetAsync(csvLink);
        var lines = (await csv.Content.ReadAsStringAsync(ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..];
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.StartsWith("COM-LA-ELMAIZAL,", line, StringComparison.Ordinal));

        // And back: on the plan's page the registry's communes lead to their pages (the example
        // plan's places, which are not communes of the registry, stay plain: FoodPlanPageTests).
        var runPage = await anyone.HtmlAsync($"{Run}?lugar=maizal");
        var maizalPage = $"<a href=\"/comunas/{await IdOfAsync("COM-LA-ELMAIZAL")}\">El Maizal</a>";
        Assert.Contains($"<tr><td>{maizalPage}</td><td><a href=\"/comunas/{await IdOfAsync("COM-DC-PANAL2021")}\">Panal 2021</a></td>", runPage, StringComparison.Ordinal);

        // The same through the API, to anyone; an unknown commune is not found.
        using var api = server.Anonymous();
        var plans = await api.GetFromJsonAsync<JsonElement>($"/api/v1/communes/{await IdOfAsync("COM-LA-ELMAIZAL")}/food-plans", ct);
        var plan = plans.EnumerateArray().Single();
        Assert.Equal("00000000000000000000000000000de1", plan.GetProperty("planId").GetString());
        Assert.Equal([("Maíz", 20_000.0), ("Plátano", 9_000.0)],
            plan.GetProperty("sends").EnumerateArray().Select(a => (a.GetProperty("productName").GetString(), a.GetProperty("quantity").GetDouble())));
        Assert.Equal(0, plan.GetProperty("receives").GetArrayLength());
        using var unknown = await api.GetAsync($"/api/v1/communes/{Guid.NewGuid()}/food-plans", ct);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory, BothEngines]
    public async Task CommunesList_ComesFiftyAtATime_EachWithItsCounts_AndTheFrontPageLeadsToAll(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using (var db = database.NewContext())
        {
            var parish = await db.Communes.Where(c => c.Code == "COM-DC-PANAL2021").Select(c => c.ParishId).SingleAsync(ct);
            for (var i = 1; i <= 70; i++)
                db.Communes.Add(new Comuna.Domain.Registry.Commune { Id = Guid.NewGuid(), Code = $"COM-DC-PRUEBA{i:000}", Name = $"Comuna de prueba {i:000}", ParishId = parish });
            await db.SaveChangesAsync(ct);
        }
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);

        var first = await client.HtmlAsync("/comunas");
        var second = await client.HtmlAsync("/comunas?pagina=2");
        var front = await client.HtmlAsync("/");

        Assert.Contains("74 comunas.", first, StringComparison.Ordinal);
        Assert.Contains("Página 1 de 2", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/comunas?pagina=2\"", first, StringComparison.Ordinal);
        var names = Names(first).Concat(Names(second)).ToList();
        Assert.Equal(50, Names(first).Count);
        Assert.Equal(74, names.Count);
        Assert.Equal(74, names.Distinct().Count());
        Assert.Equal("Altos de Lídice", names[0]);
        Assert.Equal(["El Maizal", "Panal 2021", "Tierra Fértil"], names[^3..]);
        // Each commune of the page keeps its counts: Panal 2021's 3,600 families on page 2.
        Assert.Matches(@">Panal 2021</a></td>\s*<td class=""n"">8</td>\s*<td class=""n"">3.600</td>", second);
        Assert.Equal(Names(first), Names(front));
        Assert.Contains("<a href=\"/comunas?pagina=2\">Las 74 comunas</a>", front, StringComparison.Ordinal);
    }

    private static List<string> Names(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, @"<td><a href=""/comunas/[0-9a-f-]+"">([^<]+)</a></td>").Select(m => m.Groups[1].Value)];

    [Theory]
    [InlineData(null, false, false)]
    [InlineData("admin.lidice", false, false)]
    [InlineData("residente.panal", true, false)]
    [InlineData("vocera.panal", true, true)]
    [InlineData("admin.panal", true, true)]
    [InlineData("coordinadora", true, true)]
    public async Task CommunePage_OffersTheBooksAndTheRegistration_OnlyToWhoeverMayOpenThem(string? reader, bool books, bool register)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        Guid panal;
        await using (var db = database.NewContext())
            panal = await db.Communes.Where(c => c.Code == "COM-DC-PANAL2021").Select(c => c.Id).SingleAsync(ct);
        using var client = new PageClient(server);
        if (reader is not null)
            await client.SignInAsync(reader);

        var html = await client.HtmlAsync($"/comunas/{panal}");

        Assert.Contains($"href=\"/comunas/{panal}/parlamento\"", html, StringComparison.Ordinal);
        Assert.Equal(books, html.Contains($"href=\"/comunas/{panal}/cuentas\"", StringComparison.Ordinal));
        Assert.Equal(register, html.Contains($"href=\"/consejos/registrar?comuna={panal}\"", StringComparison.Ordinal));
        // Every link offered opens: none ends in "not found".
        foreach (var (offered, path) in new[] { (books, $"/comunas/{panal}/cuentas"), (register, $"/consejos/registrar?comuna={panal}") })
        {
            if (!offered)
                continue;
            using var opened = await client.GetAsync(path);
            Assert.Equal(System.Net.HttpStatusCode.OK, opened.StatusCode);
        }
    }
}
