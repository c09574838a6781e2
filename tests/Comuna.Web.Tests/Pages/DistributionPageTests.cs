using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

using Field = System.Collections.Generic.KeyValuePair<string, string>;

namespace Comuna.Web.Tests.Pages;

public sealed class DistributionPageTests
{
    [Theory, BothEngines]
    public async Task Spokesperson_OpensARound_SeesTheAllocation_MarksHouseholds_EntersASheet_AndClosesWithPublicMinutes(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        var councilId = await DemoCouncils.IdAsync(database, DemoCouncils.PanalFirst);
        List<(string Code, string NationalId, string Name)> households;
        await using (var db = database.NewContext())
        {
            households = (await db.Households.Where(h => h.CouncilId == councilId).OrderBy(h => h.Code).Take(4)
                .Select(h => new { h.Code, First = h.Members.OrderBy(m => m.NationalId).First() }).ToListAsync(ct))
                .Select(h => (h.Code, h.First.NationalId, h.First.FirstNames + " " + h.First.LastNames)).ToList();
        }
        using var vocera = new PageClient(server);
        await vocera.SignInAsync("vocera.panal");
        var council = await vocera.HtmlAsync($"/consejos/{councilId}");
        Assert.Contains($"href=\"/consejos/{councilId}/jornadas\"", council, StringComparison.Ordinal);

        var form = $"/consejos/{councilId}/jornadas/nueva";
        var bad = await PageClient.TextAsync(await vocera.SubmitAsync(form,
        [
            new("Input.Kind", "FoodBox"), new("Input.Item", "Caja CLAP"), new("Input.Unit", "caja"), new("Input.UnitsArrived", "20"),
            new("Input.StartsOn", "2026-12-05"), new("Input.EndsOn", "2026-12-06"), new("Input.PickupPoints", ""), new("Input.UnitsPerHousehold", "1"),
        ]));
        Assert.Contains("Indique al menos un punto de retiro", bad, StringComparison.Ordinal);
        // A form sent empty names every field at fault at once, not one per submission.
        var empty = await PageClient.TextAsync(await vocera.SubmitAsync(form,
        [
            new("Input.Kind", "FoodBox"), new("Input.Item", ""), new("Input.Unit", ""), new("Input.UnitsArrived", ""),
            new("Input.StartsOn", ""), new("Input.EndsOn", ""), new("Input.PickupPoints", ""), new("Input.UnitsPerHousehold", ""),
        ]));
        Assert.All(["Diga qué se entrega", "Diga la unidad que se cuenta", "Las unidades llegadas son un número entero", "Indique el primer día de retiro",
            "Indique al menos un punto de retiro"], message => Assert.Contains(message, empty, StringComparison.Ordinal));
        using var created = await vocera.SubmitAsync(form,
        [
            new("Input.Kind", "FoodBox"), new("Input.Item", "Caja CLAP de diciembre"), new("Input.Unit", "caja"), new("Input.UnitsArrived", "20"),
            new("Input.StartsOn", "2026-12-05"), new("Input.EndsOn", "2026-12-06"), new("Input.PickupPoints", "Casa comunal\nCancha del bloque 3"),
            new("Input.UnitsPerHousehold", "1"), new("Input.PriorityChildren", "true"), new("Input.PriorityElderly", "true"),
        ]);
        var round = created.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches("^/jornadas/[0-9a-f-]{36}$", round);
        var page = await PageClient.TextAsync(created);
        // 20 boxes for 450 households: the page says so, and who comes first, before anything is handed out.
        Assert.True(page.Contains("No alcanza: llegaron 20 cajas para", StringComparison.Ordinal), page[..Math.Min(3000, page.Length)]);
        // Twenty boxes do not reach every priority household: the page says how many get some and how many none, and that the rest get none.
        var shortfall = System.Text.RegularExpressions.Regex.Match(page,
            @"No alcanza ni para todos los hogares prioritarios \((\d+) hogares\): 20 reciben unidades y (\d+) no reciben nada; el resto \((\d+) hogares\) no recibe nada\.");
        Assert.True(shortfall.Success, page[..Math.Min(3000, page.Length)]);
        Assert.Equal(int.Parse(shortfall.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 20,
            int.Parse(shortfall.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("prorrata", page, StringComparison.Ordinal);
        Assert.Contains("id=\"allocation\"", page, StringComparison.Ordinal);

        var found = await vocera.HtmlAsync($"{round}?q={households[0].NationalId}");
        Assert.Contains(households[0].Code, found, StringComparison.Ordinal);
        var byCode = await vocera.HtmlAsync($"{round}?q={households[1].Code.ToLowerInvariant()}");
        Assert.Contains(households[1].Name, byCode, StringComparison.Ordinal);
        var householdId = await HouseholdIdAsync(database, councilId, households[0].Code, ct);
        var served = await PageClient.TextAsync(await vocera.SubmitAsync($"{round}?q={households[0].Code}",
            [new("householdId", householdId.ToString()), new("units", "1"), new("q", households[0].Code)], $"{round}?handler=Deliver"));
        Assert.Contains($"Hogar {households[0].Code} atendido: 1.", served, StringComparison.Ordinal);
        Assert.Contains("Atendido (1)", served, StringComparison.Ordinal);
        var twice = await PageClient.TextAsync(await vocera.SubmitAsync(round,
            [new("householdId", householdId.ToString()), new("units", "1")], $"{round}?handler=Deliver"));
        Assert.Contains("Este hogar ya fue atendido en esta jornada.", twice, StringComparison.Ordinal);

        var badSheet = await PageClient.TextAsync(await vocera.SubmitAsync(round,
            [new("sheet", $"{households[1].Code}\nX0000\n{households[2].Code}\n{households[1].Code}\n{households[3].Code} dos")], $"{round}?handler=Sheet"));
        // Said in Spanish with the code the sheet had and the council it is not in; every bad line named at once.
        Assert.Contains("Línea 2: no hay ningún hogar X0000 en el censo de Consejo Comunal Sector La Piedrita.", badSheet, StringComparison.Ordinal);
        Assert.Contains("Línea 5: ", badSheet, StringComparison.Ordinal);
        var badAgain = await PageClient.TextAsync(await vocera.SubmitAsync(round,
            [new("sheet", $"{households[1].Code}\nX0000\n{households[2].Code}\n{households[1].Code}")], $"{round}?handler=Sheet"));
        Assert.Contains("Línea 2: no hay ningún hogar X0000", badAgain, StringComparison.Ordinal);
        Assert.Contains($"Línea 4: el hogar {households[1].Code} ya está en la línea 1.", badAgain, StringComparison.Ordinal);
        var sheet = await PageClient.TextAsync(await vocera.SubmitAsync(round,
            [new("sheet", $"{households[1].Code} 1\n{households[2].Code} 1")], $"{round}?handler=Sheet"));
        Assert.Contains("Planilla cargada: 2 hogares, 2 unidades.", sheet, StringComparison.Ordinal);

        // The first press only asks, with what would be signed; the round stays open until "Sí".
        var asked = await PageClient.TextAsync(await vocera.SubmitAsync(round, [], $"{round}?handler=Close"));
        Assert.Contains("id=\"confirm-close\"", asked, StringComparison.Ordinal);
        Assert.Contains("¿Cerrar la jornada y firmar el acta?", asked, StringComparison.Ordinal);
        Assert.Matches(@"Hogares atendidos</dt><dd>3</dd>", asked);
        Assert.Matches(@"Hogares sin atender</dt><dd>447</dd>", asked);
        Assert.Matches(@"Unidades entregadas</dt><dd>3 cajas</dd>", asked);
        Assert.Matches(@"Quedan</dt><dd>17 cajas</dd>", asked);
        Assert.Contains("Sí, cerrar y firmar", asked, StringComparison.Ordinal);
        Assert.Contains("id=\"entregar\"", await vocera.HtmlAsync(round), StringComparison.Ordinal);
        using var closed = await vocera.SubmitAsync(round, [new("confirmed", "true")], $"{round}?handler=Close");
        Assert.Equal($"{round}/acta", closed.RequestMessage!.RequestUri!.AbsolutePath);

        // A delivery or a sheet sent after the close is refused aloud, and the typed sheet is kept to copy.
        var lateDelivery = await PageClient.TextAsync(await vocera.SubmitAsync(round,
            [new("householdId", (await HouseholdIdAsync(database, councilId, households[3].Code, ct)).ToString()), new("units", "1")], $"{round}?handler=Deliver"));
        Assert.Contains("La jornada ya está cerrada: no se registró la entrega.", lateDelivery, StringComparison.Ordinal);
        var lateSheet = await PageClient.TextAsync(await vocera.SubmitAsync(round, [new("sheet", $"{households[3].Code} 1")], $"{round}?handler=Sheet"));
        Assert.Contains("La jornada ya está cerrada: no se registró la planilla.", lateSheet, StringComparison.Ordinal);
        Assert.Matches($@"<textarea id=""sheet-text""[^>]*>{households[3].Code} 1</textarea>", lateSheet);
        using var anonymous = new PageClient(server);
        var minutes = await anonymous.HtmlAsync($"{round}/acta");
        Assert.Contains("Acta de entrega", minutes, StringComparison.Ordinal);
        Assert.Contains("vocera.panal", minutes, StringComparison.Ordinal);
        Assert.Contains("El punto de control coincide con el contenido.", minutes, StringComparison.Ordinal);
        Assert.DoesNotContain(households[0].Name, minutes, StringComparison.Ordinal);
        Assert.DoesNotContain(households[0].Code, minutes, StringComparison.Ordinal);

        var transparency = await anonymous.HtmlAsync($"/consejos/{councilId}/jornadas/transparencia");
        Assert.Contains("Caja CLAP de diciembre", transparency, StringComparison.Ordinal);
        // The totals add rounds up, so they say over how many: a household missed twice counts twice.
        int rounds;
        await using (var db = database.NewContext())
            rounds = await db.DistributionRounds.CountAsync(r => r.CouncilId == councilId, ct);
        Assert.Contains($"Hogares sin atender, sumando {rounds} jornadas", transparency, StringComparison.Ordinal);
        Assert.Contains("un hogar cuenta una vez en cada jornada", transparency, StringComparison.Ordinal);
        Assert.DoesNotContain(households[0].Name, transparency, StringComparison.Ordinal);
        // Without a role the round shows its counts, not its households.
        var publicRound = await anonymous.HtmlAsync(round);
        Assert.DoesNotContain("id=\"allocation\"", publicRound, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"entregar\"", publicRound, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/consejos/{councilId}/jornadas")).StatusCode);
        // The form is not there for someone who may not run rounds.
        using var lidice = new PageClient(server);
        await lidice.SignInAsync("admin.lidice");
        Assert.Equal(HttpStatusCode.NotFound, (await lidice.GetAsync(form)).StatusCode);
    }

    [Theory, BothEngines]
    public async Task HealthCommittee_MarksAndClearsMalnutrition_OnThePage_AndARoundOfThatDayCountsIt(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        var councilId = await DemoCouncils.IdAsync(database, DemoCouncils.PanalFirst);
        Guid residentId, householdId;
        string code;
        await using (var db = database.NewContext())
        {
            var member = await db.Residents.Where(r => r.Household!.CouncilId == councilId)
                .OrderBy(r => r.Household!.Code).ThenBy(r => r.NationalId).Select(r => new { r.Id, r.HouseholdId, r.Household!.Code }).FirstAsync(ct);
            (residentId, householdId, code) = (member.Id, member.HouseholdId, member.Code);
        }
        // A round's first day a few days ahead, so that the flag begins after today whatever day the test runs.
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        var dia = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var longDay = day.ToString("d 'de' MMMM 'de' yyyy", System.Globalization.CultureInfo.GetCultureInfo("es"));
        var health = $"/consejos/{councilId}/salud?dia={dia}&hogar={code}";
        using var vocera = new PageClient(server);
        await vocera.SignInAsync("vocera.panal");
        var before = await vocera.HtmlAsync(health);
        Assert.Contains(code, before, StringComparison.Ordinal);
        Assert.Contains("Marcar: Desnutrición", Row(before, residentId), StringComparison.Ordinal);

        Field[] flag = [new("residentId", residentId.ToString()), new("kind", "malnutrition"), new("dia", dia), new("hogar", code)];
        var marked = await PageClient.TextAsync(await vocera.SubmitAsync(health, flag, $"{health}&handler=Set"));
        Assert.Contains($"Bandera registrada: Desnutrición, desde el {longDay}.", marked, StringComparison.Ordinal);
        Assert.Contains($"desde el {longDay}", Row(marked, residentId), StringComparison.Ordinal);
        Assert.Contains("Quitar: Desnutrición", Row(marked, residentId), StringComparison.Ordinal);

        // A round starting that day whose rule counts malnutrition puts the household first for it.
        using var api = await server.SignedInAsync("vocera.panal");
        var created = await api.PostAsJsonAsync($"/api/v1/councils/{councilId}/rounds", new
        {
            kind = "food-box",
            item = "Caja CLAP",
            unit = "caja",
            unitsArrived = 5,
            startsOn = dia,
            pickupPoints = new[] { "Casa comunal" },
            priorityChildren = false,
            priorityElderly = false,
            priorityPregnant = false,
            priorityMalnutrition = true,
        }, ct);
        created.EnsureSuccessStatusCode();
        var roundId = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        async Task<string[]> ReasonsAsync() => (await api.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{roundId}/allocation", ct)).GetProperty("lines")
            .EnumerateArray().Single(l => l.GetProperty("householdId").GetGuid() == householdId).GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToArray();
        Assert.Equal(["malnutrition"], await ReasonsAsync());
        Assert.Contains($"/consejos/{councilId}/salud?dia={dia}", await vocera.HtmlAsync($"/jornadas/{roundId}"), StringComparison.Ordinal);

        // Finance reads the census, so it sees the flags, but records none; another commune's admin sees nothing.
        using (var finance = new PageClient(server))
        {
            await finance.SignInAsync("finanzas.panal");
            var read = await finance.HtmlAsync(health);
            Assert.Contains($"desde el {longDay}", Row(read, residentId), StringComparison.Ordinal);
            Assert.DoesNotContain("Quitar:", read, StringComparison.Ordinal);
            using var refused = await finance.SubmitAsync(health, flag, $"{health}&handler=Clear");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        using (var lidice = new PageClient(server))
        {
            await lidice.SignInAsync("admin.lidice");
            Assert.Equal(HttpStatusCode.NotFound, (await lidice.GetAsync(health)).StatusCode);
        }

        var cleared = await PageClient.TextAsync(await vocera.SubmitAsync(health, flag, $"{health}&handler=Clear"));
        Assert.Contains("Bandera quitada: Desnutrición, desde hoy.", cleared, StringComparison.Ordinal);
        Assert.Contains("Marcar: Desnutrición", Row(cleared, residentId), StringComparison.Ordinal);
        Assert.Empty(await ReasonsAsync());
    }

    [Theory, BothEngines]
    public async Task DeliverySheet_PrintsCodesUnitsAndBoxes_WithoutNames_AndItsTickedCodesAreEnteredOnTheRound(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        var councilId = await DemoCouncils.IdAsync(database, DemoCouncils.PanalFirst);
        Guid roundId;
        Dictionary<string, string> eldest;
        await using (var db = database.NewContext())
        {
            roundId = await db.DistributionRounds.Where(r => r.CouncilId == councilId && r.Status == Domain.Distribution.RoundStatus.Open).Select(r => r.Id).SingleAsync(ct);
            eldest = (await db.Residents.Where(r => r.Household!.CouncilId == councilId).Select(r => new { r.Household!.Code, r.BirthDate, r.NationalId, Name = r.FirstNames + " " + r.LastNames }).ToListAsync(ct))
                .GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.OrderBy(r => r.BirthDate).ThenBy(r => r.NationalId, StringComparer.Ordinal).First().Name);
        }
        using var api = await server.SignedInAsync("vocera.panal");
        var allocated = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{roundId}/allocation", ct)).GetProperty("lines").EnumerateArray()
            .Where(l => l.GetProperty("entitled").GetInt32() > 0)
            .ToDictionary(l => l.GetProperty("code").GetString()!, l => (Units: l.GetProperty("allocated").GetInt32(), Served: l.GetProperty("delivered").ValueKind != JsonValueKind.Null));
        using var vocera = new PageClient(server);
        await vocera.SignInAsync("vocera.panal");
        var sheet = $"/jornadas/{roundId}/planilla";

        var printed = await vocera.HtmlAsync(sheet);
        var rows = System.Text.RegularExpressions.Regex.Matches(printed, @"<tr>\s*<td><strong>(\w+)</strong></td>\s*<td class=""n"">(\d+)</td>\s*<td class=""box"">([^<]*)</td>\s*<td class=""sign""></td>")
            .ToDictionary(m => m.Groups[1].Value, m => (Units: int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), Box: m.Groups[3].Value));
        Assert.Equal(allocated.Keys.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        Assert.All(rows, row => Assert.Equal(allocated[row.Key].Units, row.Value.Units));
        Assert.All(rows, row => Assert.Equal(allocated[row.Key].Served, row.Value.Box.Length > 0));
        Assert.DoesNotContain(eldest[rows.Keys.First()], printed, StringComparison.Ordinal);
        Assert.Contains("@media print", printed, StringComparison.Ordinal);
        Assert.Contains($"href=\"/jornadas/{roundId}#sheet\"", printed, StringComparison.Ordinal);
        Assert.Contains(eldest[rows.Keys.First()], await vocera.HtmlAsync($"{sheet}?nombres=1"), StringComparison.Ordinal);

        // It lists households, as the allocation does: not for a resident, nor for another commune.
        using (var resident = new PageClient(server))
        {
            await resident.SignInAsync("residente.panal");
            Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync(sheet)).StatusCode);
        }
        using (var lidice = new PageClient(server))
        {
            await lidice.SignInAsync("admin.lidice");
            Assert.Equal(HttpStatusCode.NotFound, (await lidice.GetAsync(sheet)).StatusCode);
        }

        // Two households ticked on paper are entered on the round's page and come back ticked.
        var ticked = rows.Where(r => r.Value.Box.Length == 0 && r.Value.Units > 0).Take(2).Select(r => r.Key).ToList();
        Assert.Equal(2, ticked.Count);
        var entered = await PageClient.TextAsync(await vocera.SubmitAsync($"/jornadas/{roundId}", [new("sheet", string.Join("\n", ticked))], $"/jornadas/{roundId}?handler=Sheet"));
        Assert.Contains("Planilla cargada: 2 hogares", entered, StringComparison.Ordinal);
        var after = await vocera.HtmlAsync(sheet);
        Assert.All(ticked, code => Assert.Matches($@"<strong>{code}</strong></td>\s*<td class=""n"">{rows[code].Units}</td>\s*<td class=""box"">✓ {rows[code].Units}</td>", after));
    }

    [Theory, BothEngines]
    public async Task AHouseholdTheAllocationGivesNothing_IsNamedSo_AndItsDeliveryIsRefusedUnlessHandedOutAnyway(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var api = await server.SignedInAsync("vocera.panal");
        var driver = await Distribution.RoundDriver.ForAsync(database, api, "DC-PANAL2021-CC01", ct);
        await driver.CreateAsync(unitsArrived: 20, ct);
        var round = $"/jornadas/{driver.RoundId}";
        var line = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{driver.RoundId}/allocation", ct)).GetProperty("lines").EnumerateArray()
            .First(l => l.GetProperty("allocated").GetInt32() == 0);
        var (householdId, code) = (line.GetProperty("householdId").GetString()!, line.GetProperty("code").GetString()!);
        using var vocera = new PageClient(server);
        await vocera.SignInAsync("vocera.panal");

        var found = await vocera.HtmlAsync($"{round}?q={code}");
        Assert.Contains("El reparto no le asigna nada a este hogar", found, StringComparison.Ordinal);
        var refused = await PageClient.TextAsync(await vocera.SubmitAsync(round,
            [new("householdId", householdId), new("units", "1"), new("q", code)], $"{round}?handler=Deliver"));
        Assert.Contains("No se registró la entrega: el reparto no le asigna nada a este hogar", refused, StringComparison.Ordinal);
        // Through the API too, when the client asks for the allocation to be kept.
        using var kept = await api.PostAsJsonAsync($"/api/v1/rounds/{driver.RoundId}/deliveries", new { householdId, units = 1, beyondAllocation = false }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, kept.StatusCode);
        Assert.Equal("nothing-allocated", await Distribution.RoundDriver.CodeAsync(kept, ct));
        Assert.Equal(0, (await driver.RoundAsync(ct)).GetProperty("unitsDelivered").GetInt32());

        var anyway = await PageClient.TextAsync(await vocera.SubmitAsync(round,
            [new("householdId", householdId), new("units", "1"), new("q", code), new("beyondAllocation", "true")], $"{round}?handler=Deliver"));
        Assert.Contains($"Hogar {code} atendido: 1.", anyway, StringComparison.Ordinal);

        // One household on a sheet is said in the singular.
        var allocated = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{driver.RoundId}/allocation", ct)).GetProperty("lines").EnumerateArray()
            .First(l => l.GetProperty("allocated").GetInt32() == 1).GetProperty("code").GetString();
        var one = await PageClient.TextAsync(await vocera.SubmitAsync(round, [new("sheet", $"{allocated}")], $"{round}?handler=Sheet"));
        Assert.Contains("Planilla cargada: 1 hogar, 1 unidad.", one, StringComparison.Ordinal);
    }

    /// <summary>The table row of one resident on the health page.</summary>
    private static string Row(string html, Guid residentId)
    {
        var start = html.IndexOf($"<tr id=\"r-{residentId}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for resident {residentId}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private static async Task<Guid> HouseholdIdAsync(TestDatabase database, Guid councilId, string code, CancellationToken ct)
    {
        await using var db = database.NewContext();
        return await db.Households.Where(h => h.CouncilId == councilId && h.Code == code).Select(h => h.Id).SingleAsync(ct);
    }
}
