using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Comuna.Planning.FoodPlan;
using Comuna.Web.FoodPlan;
using Comuna.Web.Pages.FoodPlan;
using Comuna.Web.Tests.FoodPlan;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Web.Tests.Pages;

public sealed class FoodPlanPageTests
{
    [Theory, BothEngines]
    public async Task Spokesperson_UploadsAPlan_FollowsItsRun_AndReadsBothPolicies_TheImportGap_AndTheDeliveryOrders(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var page = new PageClient(server);
        await page.SignInAsync("residente.panal");

        // The form answers at once with the run's page, which follows the plan to its result.
        using var started = await page.UploadAsync("/plan-alimentario", "Upload", "plan.json", Encoding.UTF8.GetBytes(PlanModel.Example));
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var run = started.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches("^/plan-alimentario/ejecuciones/[0-9a-f]{32}$", run);
        var html = await ResultAsync(page, run);

        Assert.Contains("óptimo demostrado", html, StringComparison.Ordinal);
        // The solver's objective and bound in plain words, with their figures.
        Assert.Matches(@"<span id=""cost"">costo total del plan [\d.,]+</span> · <span id=""result-bound"">ningún plan posible cuesta menos de [\d.,]+</span>", html);
        // Production-first: the farm's 100 t of plantain and 60 t of maize fill the 160 t road and
        // nothing is lost; import-first fills Barquisimeto from the port and the harvest rots.
        var comparison = Table(html, "comparison");
        Assert.Matches(@"Producción primero</td>\s*<td class=""n"">0</td>\s*<td class=""n"">70</td>", comparison);
        Assert.Matches(@"Importación primero \(CLAP\)</td>\s*<td class=""n"">160</td>\s*<td class=""n"">230</td>", comparison);
        // The chart beside it: each bar as wide as its share of the largest figure, import-first's 230 t of imports.
        var chart = html[html.IndexOf("<figure id=\"comparison-chart\"", StringComparison.Ordinal)..html.IndexOf("</figure>", StringComparison.Ordinal)];
        Assert.Matches(@"Producción nacional perdida: 160<br><span class=""bar lost"" style=""width:69.6%""></span>", chart);
        Assert.Matches(@"Importación necesaria: 230<br><span class=""bar imported"" style=""width:100%""></span>", chart);
        Assert.Matches(@"Importación necesaria: 70<br><span class=""bar imported"" style=""width:30.4%""></span>", chart);
        Assert.Matches(@"<td>Maíz \(t\)</td><td class=""n"">80</td><td class=""n"">60</td><td class=""n"">20</td><td class=""n"">0</td>", Table(html, "gap"));
        Assert.Matches(@"<td>Sarare</td><td>Plátano</td><td class=""n"">50</td><td class=""n"">50</td>", Table(html, "places"));
        var sarare = await page.HtmlAsync($"{run}?lugar=sárare");
        Assert.Equal(1, Rows(Table(sarare, "places")));
        Assert.Equal(1, Rows(Table(sarare, "shipments")));

        // The orders in the page's language, for the communes to act on; the ids as the plan's JSON has them.
        using var csv = await page.GetAsync($"{run}?handler=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ordenes-de-entrega-produccion-primero.csv", csv.Content.Headers.ContentDisposition?.FileName);
        var lines = (await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("desde,hasta,producto,cantidad,origen,nombre_desde,nombre_hasta,nombre_producto,unidad", lines[0]);
        Assert.Contains("el-maizal,barquisimeto,platano,100,nacional,Comuna El Maizal,Barquisimeto,Plátano,t", lines);
        Assert.Contains("el-maizal,barquisimeto,maiz,60,nacional,Comuna El Maizal,Barquisimeto,Maíz,t", lines);
        Assert.Contains("puerto-cabello,sarare,platano,50,importado,Puerto Cabello,Sarare,Plátano,t", lines);
        // With a search on, the orders are those of the communes sought.
        Assert.Contains($"href=\"{run}?lugar=s%C3%A1rare&handler=Csv\"", await page.HtmlAsync($"{run}?lugar=sárare"), StringComparison.Ordinal);
        using var soughtCsv = await page.GetAsync($"{run}?handler=Csv&lugar=s%C3%A1rare");
        Assert.Equal(["desde,hasta,producto,cantidad,origen,nombre_desde,nombre_hasta,nombre_producto,unidad", "puerto-cabello,sarare,platano,50,importado,Puerto Cabello,Sarare,Plátano,t"],
            (await soughtCsv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        // In English, in English.
        (await page.GetAsync("/idioma/en?volver=/")).Dispose();
        using (var english = await page.GetAsync($"{run}?handler=Csv&lugar=s%C3%A1rare"))
        {
            Assert.Equal("delivery-orders-production-first.csv", english.Content.Headers.ContentDisposition?.FileName);
            Assert.Equal(["from,to,product,quantity,origin,from_name,to_name,product_name,unit", "puerto-cabello,sarare,platano,50,import,Puerto Cabello,Sarare,Plátano,t"],
                (await english.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        (await page.GetAsync("/idioma/es?volver=/")).Dispose();
    }

    [Fact]
    public async Task APlanWithAMargin_EndsProvenWithinIt_AndABadMarginIsNamed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var page = new PageClient(server);
        await page.SignInAsync("residente.panal");
        // Ten products over 200 producers and 600 communes: the plan made product after product,
        // before any LP solve, is proven within 1 % of the optimum, but not within 1e-6.
        var json = PlanJson.WriteInput(SyntheticPlan.Generate(SyntheticPlan.Shape.Regional with { Consumers = 600, Producers = 200, PortReach = 100 }, 2026));

        var form = await page.HtmlAsync("/plan-alimentario");
        Assert.Contains("<option value=\"\" selected=\"selected\">Ninguno: demostrar el óptimo</option>", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"0.001\">0,1 %</option>", form, StringComparison.Ordinal);
        using var started = await page.SubmitAsync("/plan-alimentario", [new("Json", json), new("Policy", "production-first"), new("Margin", "0.01")]);
        var html = await ResultAsync(page, started.RequestMessage!.RequestUri!.AbsolutePath);

        Assert.Contains("demostrado dentro del margen pedido", html, StringComparison.Ordinal);
        Assert.DoesNotContain("óptimo demostrado", html, StringComparison.Ordinal);
        // The gap the plan is proven within is shown, and it is within the margin asked.
        var gap = System.Text.RegularExpressions.Regex.Match(html, @"<span id=""result-gap"">a lo sumo a ([0-9,]+)% del óptimo</span>");
        Assert.True(gap.Success, "the result names the gap it is proven within");
        Assert.InRange(double.Parse(gap.Groups[1].Value, System.Globalization.CultureInfo.GetCultureInfo("es")), 1e-6, 1.0);

        // Over 6,000 lines per commune and product (600 communes' needs of 10 products, and what
        // producers lose): a hundred a page, the next a link away, and a commune found by its name
        // without the rest.
        var run = started.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Equal(RunModel.LinesPerPage, Rows(Table(html, "places")));
        var pages = int.Parse(System.Text.RegularExpressions.Regex.Match(html, "Página 1 de ([0-9]+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(pages, 60, 80);
        Assert.Contains($"href=\"{run}?pagina=2#por-comuna\"", html, StringComparison.Ordinal);
        var second = await page.HtmlAsync($"{run}?pagina=2");
        Assert.Contains($"Página 2 de {pages}", second, StringComparison.Ordinal);
        Assert.NotEqual(Table(html, "places"), Table(second, "places"));
        Assert.Contains("Los primeros 500 de ", html, StringComparison.Ordinal);
        var consumer = System.Text.RegularExpressions.Regex.Match(Table(second, "places"), "<td>(c[0-9]{3})</td>").Groups[1].Value;
        var sought = await page.HtmlAsync($"{run}?lugar={consumer.ToUpperInvariant()}");
        var soughtLines = Table(sought, "places");
        Assert.Equal(10, Rows(soughtLines));
        Assert.All(System.Text.RegularExpressions.Regex.Matches(soughtLines, "<tr><td>([^<]+)</td>").Select(m => m.Groups[1].Value), place => Assert.Equal(consumer, place));
        Assert.All(System.Text.RegularExpressions.Regex.Matches(Table(sought, "shipments"), "<tr><td>([^<]+)</td><td>([^<]+)</td>"),
            m => Assert.True(m.Groups[1].Value == consumer || m.Groups[2].Value == consumer, m.Value));
        Assert.DoesNotContain("Página 1 de", sought, StringComparison.Ordinal);
        Assert.Contains("Ningún lugar del plan coincide.", await page.HtmlAsync($"{run}?lugar=atlantida"), StringComparison.Ordinal);

        using var refused = await page.SubmitAsync("/plan-alimentario", [new("Json", PlanModel.Example), new("Policy", "production-first"), new("Margin", "2")]);
        Assert.Contains("El margen es una fracción mayor que 0 y menor que 1, como 0.001 para el 0,1 %.", await PageClient.TextAsync(refused), StringComparison.Ordinal);
        Assert.Equal("/plan-alimentario", refused.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Theory, BothEngines]
    public async Task Plan_ABadEntry_IsShownNamingIt(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var page = new PageClient(server);
        await page.SignInAsync("residente.panal");
        var bad = PlanModel.Example.Replace("\"to\": \"sarare\"", "\"to\": \"atlantida\"", StringComparison.Ordinal);

        using var refused = await page.SubmitAsync("/plan-alimentario", [new("Json", bad), new("Policy", "production-first")]);
        var html = await PageClient.TextAsync(refused);

        // Said in Spanish, naming the entry as the JSON has it.
        Assert.Contains("routes[2] (puerto-cabello → atlantida) no lleva a ningún lugar: no hay ningún lugar \"atlantida\" (en «hasta»).", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"comparison\"", html, StringComparison.Ordinal);
        Assert.Equal("/plan-alimentario", refused.RequestMessage!.RequestUri!.AbsolutePath);

        // A form sent with its policy empty (a browser always sends the choice marked) is told so in
        // Spanish too; and malformed JSON is placed once, counted from 1, as the parser's own tail is cut.
        using var noPolicy = await page.SubmitAsync("/plan-alimentario", [new("Json", "xx"), new("Policy", "")]);
        var told = await PageClient.TextAsync(noPolicy);
        Assert.Contains("Este dato es obligatorio.", told, StringComparison.Ordinal);
        Assert.DoesNotContain("field is required", told, StringComparison.Ordinal);
        Assert.Contains("JSON mal formado en la línea 1, posición 1: 'x' no puede empezar un valor.", WebUtility.HtmlDecode(told), StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", told, StringComparison.Ordinal);

        // A comma too many, the commonest slip in a file written by hand, is said in Spanish too.
        using var trailingComma = await page.SubmitAsync("/plan-alimentario", [new("Json", "{ \"products\": [ {}, ] }"), new("Policy", "production-first")]);
        var comma = WebUtility.HtmlDecode(await PageClient.TextAsync(trailingComma));
        Assert.Contains("JSON mal formado en la línea 1, posición 21 (en $.products[1]): Una lista termina con una coma de más antes de ']': quítela.", comma, StringComparison.Ordinal);
        Assert.DoesNotContain("reader options", comma, StringComparison.Ordinal);

        // Letters where a number belongs are named as written, at their entry, in Spanish.
        using var letters = await page.SubmitAsync("/plan-alimentario", [new("Json", PlanModel.Example.Replace("\"quantity\": 50", "\"quantity\": \"cincuenta\"", StringComparison.Ordinal)), new("Policy", "production-first")]);
        var number = WebUtility.HtmlDecode(await PageClient.TextAsync(letters));
        Assert.Matches(@"JSON mal formado en la línea \d+, posición \d+ \(en \$\.needs\[1\]\.quantity\): ""cincuenta"" no es un número; escríbalo en cifras, sin comillas, con punto decimal: 12\.5\.", number);
        Assert.DoesNotContain("Double", number, StringComparison.Ordinal);
    }

    [Theory, BothEngines]
    public async Task NeedsFromTheCensus_AreTheCommunesFamiliesTimesTheBasket_ShownBeforeTheyArePlanned(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        int families;
        await using (var db = database.NewContext())
            families = await db.Households.CountAsync(h => h.Council!.Commune!.Code == "COM-LA-ELMAIZAL", ct);
        await using var server = await ComunaServer.StartAsync(database);
        using var page = new PageClient(server);
        await page.SignInAsync("residente.panal");

        using var added = await page.SubmitAsync("/plan-alimentario",
            [new("Json", PlanModel.Example), new("Basket", "maiz 0,5"), new("Communes", "COM-LA-ELMAIZAL"), new("Policy", "production-first")],
            "/plan-alimentario?handler=Needs");
        var html = await PageClient.TextAsync(added);

        Assert.Matches($@"<td>COM-LA-ELMAIZAL · El Maizal</td><td class=""n"">{families}</td><td class=""n"">0</td><td class=""n"">{families}</td>", Table(html, "families"));
        // The text area now holds the inputs with the commune as a place and its need.
        var json = System.Net.WebUtility.HtmlDecode(Regex.Match(html, @"<textarea[^>]*name=""Json""[^>]*>([\s\S]*?)</textarea>").Groups[1].Value);
        var (input, malformed) = PlanJson.ReadInput(json);
        Assert.Null(malformed);
        Assert.Contains(new PlaceInput("COM-LA-ELMAIZAL", "El Maizal", 9.78, -69.52), input!.Places!);
        Assert.Contains(new NeedInput("COM-LA-ELMAIZAL", "maiz", families * 0.5), input.Needs!);
        Assert.Contains(new NeedInput("barquisimeto", "maiz", 80), input.Needs!);

        // Planned as they stand, the commune's need is in the result per commune and product.
        using var started = await page.SubmitAsync("/plan-alimentario", [new("Json", json), new("Policy", "production-first")]);
        var result = await ResultAsync(page, started.RequestMessage!.RequestUri!.AbsolutePath);
        // A commune of the registry leads to its page; the example's own places stay plain.
        Assert.Matches($@"<td><a href=""/comunas/[0-9a-f-]{{36}}"">El Maizal</a></td><td>Maíz</td><td class=""n"">{RunModel.Number(families * 0.5)}</td>", Table(result, "places"));
        Assert.Contains("<td>Barquisimeto</td>", Table(result, "places"), StringComparison.Ordinal);

        // A basket product the plan does not have, or an unknown commune, is named on the form.
        using var refused = await page.SubmitAsync("/plan-alimentario",
            [new("Json", PlanModel.Example), new("Basket", "arroz 1"), new("Communes", "COM-XX-ATLANTIDA"), new("Policy", "production-first")],
            "/plan-alimentario?handler=Needs");
        var errors = System.Net.WebUtility.HtmlDecode(await PageClient.TextAsync(refused));
        Assert.Contains("Ninguna comuna del registro tiene el código \"COM-XX-ATLANTIDA\".", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"families\"", errors, StringComparison.Ordinal);
        using var noRice = await page.SubmitAsync("/plan-alimentario",
            [new("Json", PlanModel.Example), new("Basket", "arroz 1"), new("Communes", ""), new("Policy", "production-first")],
            "/plan-alimentario?handler=Needs");
        Assert.Contains("Canasta, línea 1: el producto \"arroz\" no está en el plan; sus productos son maiz, platano.",
            System.Net.WebUtility.HtmlDecode(await PageClient.TextAsync(noRice)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WhilePlanning_ShowsStageRoundObjectiveAndBound_RefreshesItself_AndIsNobodyElses()
    {
        // The solver is held after its second round, so the page is read while the plan is being made.
        using var release = new SemaphoreSlim(0);
        PlanStage held = (problem, policy, options) =>
        {
            options.Progress!(new FlowProgress(1, -300, -900, 0.4));
            options.Progress!(new FlowProgress(2, -500, -600, 0.9));
            Assert.True(release.Wait(TimeSpan.FromSeconds(30)), "the test never released the plan");
            return PlanRuns.Solve(problem, policy, options);
        };
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database, services => services.AddSingleton(held));
        using var page = new PageClient(server);
        await page.SignInAsync("residente.panal");

        using var started = await page.SubmitAsync("/plan-alimentario", [new("Json", PlanModel.Example), new("Policy", "production-first")]);
        var run = started.RequestMessage!.RequestUri!.AbsolutePath;
        var html = await RoundAsync(page, run, 2);

        Assert.Contains("<meta http-equiv=\"refresh\" content=\"2\">", html, StringComparison.Ordinal);
        Assert.Contains("Etapa 1 de 2: Producción primero", html, StringComparison.Ordinal);
        // In the contract's terms: all 160 t of lots lost (× 1,000) and all 230 t unmet (× 100) is
        // 183,000, less the saving so far (500) and less the most the proof allows (600).
        Assert.Contains("<dt>Costo del mejor plan hasta ahora</dt><dd id=\"objective\">182.500</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"bound\">182.400</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"gap\">0,0548%</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"comparison\"", html, StringComparison.Ordinal);
        using (var early = await page.GetAsync($"{run}?handler=Csv"))
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);

        // Another account, even a spokesperson of the same council, is told the run does not exist.
        using (var other = new PageClient(server))
        {
            await other.SignInAsync("vocera.panal");
            using var refused = await other.GetAsync(run);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        // Two plans at once at most: a second runs, a third is refused on the form.
        using var second = await page.SubmitAsync("/plan-alimentario", [new("Json", PlanModel.Example), new("Policy", "import-first")]);
        Assert.Matches("^/plan-alimentario/ejecuciones/", second.RequestMessage!.RequestUri!.AbsolutePath);
        using var third = await page.SubmitAsync("/plan-alimentario", [new("Json", PlanModel.Example), new("Policy", "production-first")]);
        Assert.Contains("Se están haciendo otros planes en este servidor", await PageClient.TextAsync(third), StringComparison.Ordinal);

        // The second is cancelled once it is inside its solver (held there, so the page says it is
        // cancelling; cancelled before its solver starts, it would end at once); the first, released,
        // goes on to the comparison and its result.
        await RoundAsync(page, second.RequestMessage.RequestUri.AbsolutePath, 2);
        using (var cancelled = await page.SubmitAsync(second.RequestMessage.RequestUri.AbsolutePath, [], $"{second.RequestMessage.RequestUri.AbsolutePath}?handler=Cancel"))
            Assert.Contains("Cancelando: el plan se detiene", await PageClient.TextAsync(cancelled), StringComparison.Ordinal);
        release.Release(3);
        html = await ResultAsync(page, run);
        Assert.DoesNotContain("http-equiv=\"refresh\"", html, StringComparison.Ordinal);
        Assert.Contains("óptimo demostrado", html, StringComparison.Ordinal);
        Assert.Contains("Importación primero (CLAP)", Table(html, "comparison"), StringComparison.Ordinal);
        Assert.Contains("El plan fue cancelado.", await ResultAsync(page, second.RequestMessage.RequestUri.AbsolutePath), StringComparison.Ordinal);
    }

    [Theory, BothEngines]
    public async Task APlan_OutlivesTheServer_IsListedForItsOwnerOnly_AndItsOwnerDeletesIt(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        string run;
        await using (var first = await ComunaServer.StartAsync(database))
        {
            using var page = new PageClient(first);
            await page.SignInAsync("residente.panal");
            Assert.Contains("id=\"no-plans\"", await page.HtmlAsync("/plan-alimentario"), StringComparison.Ordinal);
            using var started = await page.SubmitAsync("/plan-alimentario", [new("Json", PlanModel.Example), new("Policy", "import-first"), new("Margin", "0.01")]);
            run = started.RequestMessage!.RequestUri!.AbsolutePath;
            Assert.Contains("<span id=\"margin\">margen pedido 1 %</span>", await ResultAsync(page, run), StringComparison.Ordinal);
        }

        // A new server process on the same database reads the plan back from it.
        await using var second = await ComunaServer.StartAsync(database);
        using var owner = new PageClient(second);
        await owner.SignInAsync("residente.panal");
        var html = await owner.HtmlAsync(run);
        Assert.Contains("óptimo demostrado", html, StringComparison.Ordinal);
        // The margin asked for is kept with the plan: shown, and offered again to plan it anew.
        Assert.Contains("<span id=\"margin\">margen pedido 1 %</span>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"0.01\" selected=\"selected\">1 %</option>", await owner.HtmlAsync($"/plan-alimentario/tablas?desde={run.Split('/')[^1]}"), StringComparison.Ordinal);
        Assert.Contains("Importación primero (CLAP)", Table(html, "comparison"), StringComparison.Ordinal);
        Assert.Matches(@"<td>Sarare</td><td>Plátano</td><td class=""n"">50</td><td class=""n"">50</td>", Table(html, "places"));
        using (var csv = await owner.GetAsync($"{run}?handler=Csv"))
            Assert.Contains("puerto-cabello,sarare,platano,50,importado", await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var list = Table(await owner.HtmlAsync("/plan-alimentario"), "plans");
        Assert.Contains($"href=\"{run}\"", list, StringComparison.Ordinal);
        Assert.Matches(@"<td>Importación primero \(CLAP\)</td>\s*<td>óptimo demostrado</td>", list);
        Assert.Contains("<th class=\"n\">Costo del plan</th>", list, StringComparison.Ordinal);

        // Nobody else sees it, in the list or at its address, nor may delete it.
        using (var other = new PageClient(second))
        {
            await other.SignInAsync("vocera.panal");
            Assert.DoesNotContain(run, await other.HtmlAsync("/plan-alimentario"), StringComparison.Ordinal);
            using (var refused = await other.GetAsync(run))
                Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            using var deleting = await other.SubmitAsync("/plan-alimentario", [], $"{run}?handler=Delete");
            Assert.Equal(HttpStatusCode.NotFound, deleting.StatusCode);
        }

        using var deleted = await owner.SubmitAsync(run, [], $"{run}?handler=Delete");
        Assert.Equal("/plan-alimentario", deleted.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("id=\"no-plans\"", await PageClient.TextAsync(deleted), StringComparison.Ordinal);
        using var gone = await owner.GetAsync(run);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task APlanTheServerStoppedInTheMiddle_ReadsBackAsInterrupted()
    {
        // The solver holds until the server, stopping, cancels it.
        using var held = new HeldPlanStage();
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        string run;
        await using (var first = await ComunaServer.StartAsync(database, services => services.AddSingleton(held.Stage)))
        {
            using var page = new PageClient(first);
            await page.SignInAsync("residente.panal");
            using var started = await page.SubmitAsync("/plan-alimentario", [new("Json", PlanModel.Example), new("Policy", "production-first")]);
            run = started.RequestMessage!.RequestUri!.AbsolutePath;
            Assert.True(await held.StartedAsync(), "the plan never started");
        }

        await using var second = await ComunaServer.StartAsync(database);
        using var owner = new PageClient(second);
        await owner.SignInAsync("residente.panal");
        var html = await owner.HtmlAsync(run);
        Assert.Contains("El servidor se detuvo mientras se hacía este plan", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", html, StringComparison.Ordinal);
        Assert.Matches(@"<td>Producción primero</td>\s*<td>interrumpido</td>", Table(await owner.HtmlAsync("/plan-alimentario"), "plans"));
    }

    [Fact]
    public async Task DeliveryOrders_AsPdf_ListWhatEachCommuneSendsAndReceives()
    {
        if (!PdfText.Installed)
            Assert.Skip("pdftotext is not installed (apt-get install poppler-utils): the orders' text cannot be read back.");
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var page = new PageClient(server);
        await page.SignInAsync("residente.panal");

        var run = await ExamplePlannedAsync(page);
        using var pdf = await page.GetAsync($"{run}?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var (text, _) = await PdfText.ReadAsync(await pdf.Content.ReadAsByteArrayAsync(ct), layout: true);
        Assert.Contains("Órdenes de entrega", text, StringComparison.Ordinal);
        // The status in the page's language, as the run's page says it, not the contract's code.
        Assert.Contains("Estado: óptimo demostrado", text, StringComparison.Ordinal);
        Assert.DoesNotContain("optimal", text, StringComparison.Ordinal);
        Assert.Contains("Lo que envía cada comuna", text, StringComparison.Ordinal);
        Assert.Contains("Lo que recibe cada comuna", text, StringComparison.Ordinal);
        Assert.Matches(@"→ .+: 100,00 t .*\(Nacional\)", text);

        // Sarare's own orders: it sends nothing, and receives the imported plantain.
        using var sarare = await page.GetAsync($"{run}?handler=Pdf&lugar=sarare");
        var (sarareText, _) = await PdfText.ReadAsync(await sarare.Content.ReadAsByteArrayAsync(ct), layout: true);
        Assert.Contains("← Puerto Cabello: 50,00 t Plátano (Importado)", sarareText, StringComparison.Ordinal);
        Assert.DoesNotContain("Comuna El Maizal", sarareText, StringComparison.Ordinal);
        Assert.DoesNotContain("Barquisimeto", sarareText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliveryOrders_AsPdf_ComposeOneAtATime_AReaderWaitsForTheOneBefore()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var page = new PageClient(server);
        await page.SignInAsync("residente.panal");
        var run = await ExamplePlannedAsync(page);
        var gate = server.Services.GetRequiredService<OrdersPdfGate>();

        Task<HttpResponseMessage> waiting;
        using (await gate.HoldAsync(ct))
        {
            // Another PDF is composing: this one waits for it, and the CSV does not.
            waiting = page.GetAsync($"{run}?handler=Pdf");
            using var csv = await page.GetAsync($"{run}?handler=Csv");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
            Assert.False(waiting.IsCompleted);
        }
        using var pdf = await waiting.WaitAsync(TimeSpan.FromSeconds(30), ct);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(ct), 0, 4), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePlanByTables_StartsFromTheExample_PlansLikeItsJson_NamesABadLine_AndReopensAPlanToChangeIt()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var page = new PageClient(server);
        await page.SignInAsync("residente.panal");

        var example = await page.HtmlAsync("/plan-alimentario/tablas?ejemplo=true");
        Assert.Contains("el-maizal; platano; 100; 0; 5", example, StringComparison.Ordinal);
        Assert.Contains("puerto-cabello; sarare; 1; 1; -", example, StringComparison.Ordinal);

        // The example typed as tables, with a decimal comma and a spreadsheet's tab, plans as its JSON does.
        KeyValuePair<string, string>[] tables =
        [
            new("Products", "platano; Plátano; t\nmaiz; Maíz; t"),
            new("Places", "el-maizal; Comuna El Maizal; 9,77; -69,52\nbarquisimeto; Barquisimeto\nsarare; Sarare\npuerto-cabello; Puerto Cabello"),
            new("Lots", "el-maizal; platano; 100; 0; 5\nel-maizal\tmaiz\t60\t0\t60"),
            new("Needs", "barquisimeto; platano; 100\nsarare; platano; 50\nbarquisimeto; maiz; 80,0"),
            new("Routes", "el-maizal; barquisimeto; 3; 1; 160\npuerto-cabello; barquisimeto; 1; 1\npuerto-cabello; sarare; 1; 1; -"),
            new("Imports", "platano; puerto-cabello; 1\nmaiz; puerto-cabello; 2"),
            new("SpoiledPerUnit", "1000"), new("UnmetPerUnit", "100"), new("Policy", "production-first"),
        ];
        using var started = await page.SubmitAsync("/plan-alimentario/tablas", tables);
        var run = started.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches("^/plan-alimentario/ejecuciones/[0-9a-f]{32}$", run);
        var html = await ResultAsync(page, run);
        Assert.Matches(@"Producción primero</td>\s*<td class=""n"">0</td>\s*<td class=""n"">70</td>", Table(html, "comparison"));

        // A bad line is named, in Spanish, by its table and number, and nothing is planned.
        using var refused = await page.SubmitAsync("/plan-alimentario/tablas",
            [.. tables.Where(f => f.Key != "Lots"), new("Lots", "el-maizal; platano; cien; 0; 5")]);
        var errors = await PageClient.TextAsync(refused);
        Assert.Contains("Lotes de cosecha, línea 1 (\"el-maizal; platano; cien; 0; 5\"): \"cien\" no es un número.", errors, StringComparison.Ordinal);
        Assert.EndsWith("/plan-alimentario/tablas", refused.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        // So is an entry that reads but does not fit the rest (a place no table has), by the line it
        // was typed on — blank lines and comments counted — not by its place in the JSON (lots[1]).
        using var unknown = await page.SubmitAsync("/plan-alimentario/tablas",
            [.. tables.Where(f => f.Key != "Lots"), new("Lots", "el-maizal; platano; 100; 0; 5\n\n# el maíz\nel-maisal; maiz; 60; 0; 60")]);
        Assert.Contains("Lotes de cosecha, línea 4 (\"el-maisal; maiz; 60; 0; 60\"): no hay ningún lugar \"el-maisal\" (en «lugar»).",
            await PageClient.TextAsync(unknown), StringComparison.Ordinal);
        // A field is named as its table's column heading says it, not as the JSON spells it.
        using var negative = await page.SubmitAsync("/plan-alimentario/tablas",
            [.. tables.Where(f => f.Key is not ("Needs" or "UnmetPerUnit")), new("Needs", "barquisimeto; platano; -100"), new("UnmetPerUnit", "-5")]);
        var said = await PageClient.TextAsync(negative);
        Assert.Contains("Necesidades, línea 1 (\"barquisimeto; platano; -100\"): «cantidad» es -100, un número negativo.", said, StringComparison.Ordinal);
        Assert.Contains(": «penalidad por unidad de necesidad no cubierta» es -5, un número negativo.", said, StringComparison.Ordinal);
        Assert.DoesNotContain("unmetPerUnit", said, StringComparison.Ordinal);
        Assert.DoesNotContain("quantity", said, StringComparison.Ordinal);
        // In English, the same as the command line says it, with the table's English name.
        (await page.GetAsync("/idioma/en?volver=/")).Dispose();
        using var english = await page.SubmitAsync("/plan-alimentario/tablas",
            [.. tables.Where(f => f.Key != "Lots"), new("Lots", "el-maizal; platano; 100; 0; 5\n\n# el maíz\nel-maisal; maiz; 60; 0; 60")]);
        Assert.Contains("Harvest lots line 4 (\"el-maisal; maiz; 60; 0; 60\"): unknown place \"el-maisal\" in place.",
            await PageClient.TextAsync(english), StringComparison.Ordinal);
        (await page.GetAsync("/idioma/es?volver=/")).Dispose();

        // The plan made reopens as tables to change; another account's plan does not.
        var again = await page.HtmlAsync($"/plan-alimentario/tablas?desde={run[(run.LastIndexOf('/') + 1)..]}");
        Assert.Contains("el-maizal; maiz; 60; 0; 60", again, StringComparison.Ordinal);
        Assert.Contains("barquisimeto; maiz; 80", again, StringComparison.Ordinal);
        using var other = new PageClient(server);
        await other.SignInAsync("vocera.panal");
        using var hidden = await other.GetAsync($"/plan-alimentario/tablas?desde={run[(run.LastIndexOf('/') + 1)..]}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    /// <summary>Reads the run's page as a browser would, every refresh, until it stops asking again.</summary>
    /// <summary>Plans the page's example, production first, and waits for its result: the run's address.</summary>
    private static async Task<string> ExamplePlannedAsync(PageClient page)
    {
        using var started = await page.SubmitAsync("/plan-alimentario", [new("Json", PlanModel.Example), new("Policy", "production-first")]);
        var run = started.RequestMessage!.RequestUri!.AbsolutePath;
        await ResultAsync(page, run);
        return run;
    }

    private static async Task<string> ResultAsync(PageClient page, string run)
    {
        for (var tries = 0; tries < 600; tries++)
        {
            var html = await page.HtmlAsync(run);
            if (!html.Contains("http-equiv=\"refresh\"", StringComparison.Ordinal))
                return html;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.Fail($"{run} was still planning after a minute.");
        return "";
    }

    /// <summary>Reads the run's page until it shows <paramref name="round"/>.</summary>
    private static async Task<string> RoundAsync(PageClient page, string run, int round)
    {
        for (var tries = 0; tries < 300; tries++)
        {
            var html = await page.HtmlAsync(run);
            if (html.Contains($"<dd id=\"round\">{round}</dd>", StringComparison.Ordinal))
                return html;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.Fail($"{run} never reached round {round}.");
        return "";
    }

    private static int Rows(string table) => System.Text.RegularExpressions.Regex.Matches(table, "<tr><td").Count;

    private static string Table(string html, string id)
    {
        var start = html.IndexOf($"<table id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {id}");
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }
}
