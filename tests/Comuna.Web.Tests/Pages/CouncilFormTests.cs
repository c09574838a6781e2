using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Pages;

public sealed class CouncilFormTests
{
    [Theory, BothEngines]
    public async Task RegisterCouncil_UrbanWithThreeFamilies_ShowsTheSizeErrorNextToTheInputAndSavesNothing(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);
        await client.SignInAsync("coordinadora");
        var parishId = await ParishOfAsync(database, DemoCouncils.PanalFirst);

        using var response = await client.SubmitAsync("/consejos/registrar", Fields("CC-PEQUENO", "Consejo Comunal Pequeño", "Urban", parishId, 3));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/consejos/registrar", response.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await PageClient.TextAsync(response);
        const string message = "El número de familias no cabe en los límites de este tipo de consejo según el reglamento elegido.";
        Assert.Matches(new Regex($"data-valmsg-for=\"Input.DeclaredFamilies\"[^>]*>{Regex.Escape(message)}</span>"), html);
        Assert.Matches(new Regex($"validation-summary-errors.*<li>{Regex.Escape(message)}</li>", RegexOptions.Singleline), html);
        // What was typed stays in the form.
        Assert.Contains("value=\"Consejo Comunal Pequeño\"", html);
        await using var db = database.NewContext();
        Assert.False(await db.Councils.AnyAsync(c => c.Code == "CC-PEQUENO", TestContext.Current.CancellationToken));
    }

    [Theory, BothEngines]
    public async Task RegisterCouncil_OffersOnlyTheCommunesTheReaderMayRegisterInto(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);

        async Task<(List<string> Communes, bool Outside)> OfferedAsync(string reader)
        {
            using var client = new PageClient(server);
            await client.SignInAsync(reader);
            return CommunesOffered(await client.HtmlAsync("/consejos/registrar"));
        }

        var coordination = await OfferedAsync("coordinadora");
        var lidice = await OfferedAsync("admin.lidice");
        // A council's spokesperson registers a neighbouring council into their own commune.
        var maizal = await OfferedAsync("vocero.maizal");

        Assert.Equal(["Altos de Lídice", "El Maizal", "Panal 2021", "Tierra Fértil"], coordination.Communes);
        Assert.True(coordination.Outside);
        Assert.Equal(["Altos de Lídice"], lidice.Communes);
        Assert.False(lidice.Outside);
        Assert.Equal(["El Maizal"], maizal.Communes);
        Assert.False(maizal.Outside);
    }

    [Theory, BothEngines]
    public async Task RegisterCouncil_FromAParishPage_NamesTheParishAndOffersTheCommunesOfItsState(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        var parishId = await ParishOfAsync(database, DemoCouncils.PanalFirst);
        var parishPage = $"/territorio/parroquia/{parishId}";
        var link = $"href=\"/consejos/registrar?parroquia={parishId}\"";
        using var anonymous = new PageClient(server);
        using var coordination = new PageClient(server);
        await coordination.SignInAsync("coordinadora");

        var parishHtml = await coordination.HtmlAsync(parishPage);
        var form = await coordination.HtmlAsync($"/consejos/registrar?parroquia={parishId}");
        var offered = CommunesOffered(form);
        var anywhereHtml = await coordination.HtmlAsync("/consejos/registrar");

        Assert.Contains(link, parishHtml);
        Assert.DoesNotContain(link, await anonymous.HtmlAsync(parishPage));
        Assert.Contains($"name=\"Input.ParishId\" value=\"{parishId}\"", form);
        Assert.Contains("<small class=\"hint\" id=\"parish-place\">Parroquia 23 de enero, municipio Libertador, Distrito Capital.</small>", form);
        // Caracas' two communes, not the rural ones of Lara and Portuguesa; and still "none".
        Assert.Equal(["Altos de Lídice", "Panal 2021"], offered.Communes);
        Assert.True(offered.Outside);
        Assert.Contains("Las comunas de Distrito Capital, donde está la parroquia.", form);
        // Without a parish, every commune, and nothing written out.
        Assert.Equal(4, CommunesOffered(anywhereHtml).Communes.Count);
        Assert.DoesNotContain("parish-place", anywhereHtml);
        Assert.DoesNotContain("Las comunas de", anywhereHtml);
    }

    /// <summary>
    /// A value that does not even read as its field's kind (what an old phone's browser sends from a
    /// number field shown as text) is said in the page's language next to its input — ASP.NET says
    /// it in English, naming the property.
    /// </summary>
    [Fact]
    public async Task RegisterCouncil_AValueThatDoesNotRead_IsToldInThePagesLanguage()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);
        await client.SignInAsync("coordinadora");
        var parishId = await ParishOfAsync(database, DemoCouncils.PanalFirst);
        var unreadable = Fields("CC-LETRAS", "Consejo Comunal Letras", "Urban", parishId, 200)
            .Select(f => f.Key == "Input.DeclaredFamilies" ? new KeyValuePair<string, string>(f.Key, "doscientas") : f).ToArray();

        var spanish = await PageClient.TextAsync(await client.SubmitAsync("/consejos/registrar", unreadable));
        (await client.GetAsync("/idioma/en?volver=/")).Dispose();
        var english = await PageClient.TextAsync(await client.SubmitAsync("/consejos/registrar", unreadable));

        Assert.Matches("data-valmsg-for=\"Input.DeclaredFamilies\"[^>]*>El valor 'doscientas' no es válido.</span>", spanish);
        Assert.DoesNotContain("is not valid", spanish, StringComparison.Ordinal);
        Assert.Matches("data-valmsg-for=\"Input.DeclaredFamilies\"[^>]*>The value 'doscientas' is not valid.</span>", english);
        await using var db = database.NewContext();
        Assert.False(await db.Councils.AnyAsync(c => c.Code == "CC-LETRAS", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RegisterCouncil_InEnglish_ShowsTheUseCasesOwnMessageWithTheBounds()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);
        await client.SignInAsync("coordinadora");
        (await client.GetAsync("/idioma/en?volver=/")).Dispose();
        var parishId = await ParishOfAsync(database, DemoCouncils.PanalFirst);

        using var response = await client.SubmitAsync("/consejos/registrar", Fields("CC-SMALL", "Small council", "Urban", parishId, 3));

        var html = await PageClient.TextAsync(response);
        Assert.Contains("<h1>Register a council</h1>", html);
        Assert.Matches("data-valmsg-for=\"Input.DeclaredFamilies\"[^>]*>[^<]*150–400[^<]*3 were declared.</span>", html);
    }

    [Theory, BothEngines]
    public async Task RegisterCouncil_ValidUrbanCouncil_RedirectsToItsPage(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);
        await client.SignInAsync("coordinadora");
        var parishId = await ParishOfAsync(database, DemoCouncils.PanalFirst);

        using var response = await client.SubmitAsync("/consejos/registrar", Fields("CC-NUEVO-01", "Consejo Comunal Nuevo Amanecer", "Urban", parishId, 200));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = database.NewContext();
        var saved = await db.Councils.SingleAsync(c => c.Code == "CC-NUEVO-01", TestContext.Current.CancellationToken);
        Assert.Equal($"/consejos/{saved.Id}", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(200, saved.DeclaredFamilies);
        Assert.Contains("Consejo Comunal Nuevo Amanecer", await PageClient.TextAsync(response));
    }

    [Fact]
    public async Task RegisterCouncil_TakenCodeAndUnknownParish_ErrorsGoUnderTheirInputs()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);
        await client.SignInAsync("coordinadora");
        var parishId = await ParishOfAsync(database, DemoCouncils.PanalFirst);

        using var taken = await client.SubmitAsync("/consejos/registrar", Fields(DemoCouncils.PanalFirst, "Otro", "Urban", parishId, 200));
        using var nowhere = await client.SubmitAsync("/consejos/registrar", Fields("CC-NINGUNA", "Otro", "Urban", 999_999, 200));

        Assert.Matches("data-valmsg-for=\"Input.Code\"[^>]*>Ya hay un consejo comunal registrado con ese código.</span>", await PageClient.TextAsync(taken));
        var nowhereHtml = await PageClient.TextAsync(nowhere);
        Assert.Matches("data-valmsg-for=\"Input.ParishId\"[^>]*>No hay ninguna parroquia con ese número en el territorio.</span>", nowhereHtml);
        // A number that names no parish is not written out as one, nor does it narrow the communes.
        Assert.DoesNotContain("parish-place", nowhereHtml);
        Assert.Equal(4, CommunesOffered(nowhereHtml).Communes.Count);
    }

    [Fact]
    public async Task RegisterCouncil_Anonymous_IsSentToSignIn()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);

        using var response = await client.GetAsync("/consejos/registrar");

        Assert.Equal("/cuenta/entrar", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task EditCouncil_Spokesperson_SavesAndRefusesAnOutOfRangeSize()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);
        await client.SignInAsync("vocera.panal");
        var id = await DemoCouncils.IdAsync(database, DemoCouncils.PanalFirst);
        var parishId = await ParishOfAsync(database, DemoCouncils.PanalFirst);
        var edit = $"/consejos/{id}/editar";
        Assert.Contains("id=\"parish-place\">Parroquia 23 de enero, municipio Libertador, Distrito Capital.</small>", await client.HtmlAsync(edit));

        using var refused = await client.SubmitAsync(edit, Fields(null, "Consejo Comunal La Piedrita", "Urban", parishId, 3));
        using var saved = await client.SubmitAsync(edit, Fields(null, "Consejo Comunal La Piedrita", "Urban", parishId, 390));

        Assert.Contains("El número de familias no cabe", await PageClient.TextAsync(refused));
        Assert.Equal($"/consejos/{id}", saved.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await PageClient.TextAsync(saved);
        Assert.Contains("<h1>Consejo Comunal La Piedrita</h1>", page);
        await using var db = database.NewContext();
        var council = await db.Councils.SingleAsync(c => c.Id == id, TestContext.Current.CancellationToken);
        Assert.Equal(390, council.DeclaredFamilies);
        Assert.Equal(DemoCouncils.PanalFirst, council.Code);
    }

    [Fact]
    public async Task EditCouncil_AnotherCommunesCouncil_Answers404()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);
        await client.SignInAsync("vocera.panal");
        var maizal = await DemoCouncils.IdAsync(database, "LA-ELMAIZAL-CC01");

        using var response = await client.GetAsync($"/consejos/{maizal}/editar");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task NewHousehold_Spokesperson_AddsItAndRefusesATakenCode()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);
        await client.SignInAsync("vocera.panal");
        var id = await DemoCouncils.IdAsync(database, DemoCouncils.PanalFirst);
        var form = $"/consejos/{id}/hogares/nuevo";

        using var added = await client.SubmitAsync(form, [new("Input.HouseholdCode", "F9001"), new("Input.Address", "Bloque 7, piso 3, apto 2")]);
        using var taken = await client.SubmitAsync(form, [new("Input.HouseholdCode", "F9001"), new("Input.Address", "Otra dirección")]);

        Assert.StartsWith("/hogares/", added.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("Bloque 7, piso 3, apto 2", await PageClient.TextAsync(added));
        Assert.Matches("data-valmsg-for=\"Input.HouseholdCode\"[^>]*>El consejo ya tiene un hogar con ese código.</span>", await PageClient.TextAsync(taken));
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Households.CountAsync(h => h.CouncilId == id && h.Code == "F9001", TestContext.Current.CancellationToken));
    }

    private static KeyValuePair<string, string>[] Fields(string? code, string name, string kind, int parishId, int families) =>
    [
        new("Input.Code", code ?? ""),
        new("Input.Name", name),
        new("Input.Kind", kind),
        new("Input.ParishId", parishId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Input.CommuneId", ""),
        new("Input.DeclaredFamilies", families.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Input.RuleSetId", "LOCC-2009"),
    ];

    /// <summary>The communes the form's select offers, by name, and whether it offers "none".</summary>
    private static (List<string> Communes, bool Outside) CommunesOffered(string html)
    {
        var start = html.IndexOf("name=\"Input.CommuneId\"", StringComparison.Ordinal);
        var select = html[start..html.IndexOf("</select>", start, StringComparison.Ordinal)];
        return ([.. Regex.Matches(select, @"<option value=""[0-9a-f-]{36}""[^>]*>([^<]+)</option>").Select(m => m.Groups[1].Value)],
            select.Contains("<option value=\"\"", StringComparison.Ordinal));
    }

    private static async Task<int> ParishOfAsync(TestDatabase database, string councilCode)
    {
        await using var db = database.NewContext();
        return await db.Councils.Where(c => c.Code == councilCode).Select(c => c.ParishId).SingleAsync(TestContext.Current.CancellationToken);
    }
}
