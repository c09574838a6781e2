using System.Net;
using Comuna.Web.Tests.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Pages;

public sealed class DeliberationPageTests
{
    [Theory, BothEngines]
    public async Task Convene_ThroughTheForm_ShowsTheAssemblyAndListsItUnderTheCouncil(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);
        await client.SignInAsync("vocero.maizal");
        var councilId = await DemoCouncils.IdAsync(database, DeliberationPages.Maizal);

        var council = await client.HtmlAsync($"/consejos/{councilId}");
        Assert.Contains($"href=\"/consejos/{councilId}/asambleas\"", council);
        var list = await client.HtmlAsync($"/consejos/{councilId}/asambleas");
        Assert.Contains($"href=\"/consejos/{councilId}/asambleas/convocar\"", list);
        Assert.DoesNotContain("Casa comunal de Sabana Alta", list);

        using var convened = await client.SubmitAsync($"/consejos/{councilId}/asambleas/convocar",
        [
            new("Input.StartsAt", "2026-12-05T18:00"),
            new("Input.Place", "Casa comunal de Sabana Alta"),
            new("Input.Agenda", "Diagnóstico del sector\r\n\r\nSiembra de maíz del próximo ciclo\r\n"),
        ]);

        var id = DeliberationPages.AssemblyIdOf(convened);
        var page = await PageClient.TextAsync(convened);
        Assert.Contains("Convocada", page);
        Assert.Contains("5 de diciembre de 2026, 18:00", page);
        Assert.Contains("<strong>Siembra de maíz del próximo ciclo</strong>", page);
        Assert.Contains("Abrir la asamblea", page);
        var stored = await DeliberationPages.QueryAsync(database, db => db.Assemblies.Include(a => a.Agenda).SingleAsync(a => a.Id == id, TestContext.Current.CancellationToken));
        // 18:00 in Venezuela (UTC−4) is 22:00 UTC; the blank line is not an agenda item.
        Assert.Equal(new DateTime(2026, 12, 5, 22, 0, 0, DateTimeKind.Utc), stored.StartsAtUtc);
        Assert.Equal(["Diagnóstico del sector", "Siembra de maíz del próximo ciclo"], stored.Agenda.OrderBy(i => i.Position).Select(i => i.Title));
        var listed = await client.HtmlAsync($"/consejos/{councilId}/asambleas");
        Assert.Contains($"href=\"/asambleas/{id}\"", listed);
        Assert.Contains("Casa comunal de Sabana Alta", listed);
    }

    [Fact]
    public async Task Convene_WithoutPlaceOrAgenda_SaysWhatIsMissingAndConvenesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);
        await client.SignInAsync("vocero.maizal");
        var councilId = await DemoCouncils.IdAsync(database, DeliberationPages.Maizal);
        var form = $"/consejos/{councilId}/asambleas/convocar";
        // The demo's year already holds assemblies: nothing may be added to them.
        var before = await DeliberationPages.QueryAsync(database, db => db.Assemblies.CountAsync(TestContext.Current.CancellationToken));

        using var noPlace = await client.SubmitAsync(form, [new("Input.StartsAt", "2026-12-05T18:00"), new("Input.Place", " "), new("Input.Agenda", "Diagnóstico")]);
        using var noAgenda = await client.SubmitAsync(form, [new("Input.StartsAt", "2026-12-05T18:00"), new("Input.Place", "Casa comunal"), new("Input.Agenda", "")]);
        using var badDate = await client.SubmitAsync(form, [new("Input.StartsAt", "mañana"), new("Input.Place", "Casa comunal"), new("Input.Agenda", "Diagnóstico")]);

        Assert.Contains("Falta el lugar de la asamblea", await PageClient.TextAsync(noPlace));
        Assert.Contains("La asamblea necesita al menos un punto en el orden del día", await PageClient.TextAsync(noAgenda));
        Assert.Contains("Escriba la fecha y la hora de la asamblea.", await PageClient.TextAsync(badDate));
        Assert.Equal(form, noPlace.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(before, await DeliberationPages.QueryAsync(database, db => db.Assemblies.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Convene_WithEveryFieldWrong_NamesEveryFaultInOneSubmission()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);
        await client.SignInAsync("vocero.maizal");
        var councilId = await DemoCouncils.IdAsync(database, DeliberationPages.Maizal);
        var form = $"/consejos/{councilId}/asambleas/convocar";

        var empty = await PageClient.TextAsync(await client.SubmitAsync(form, [new("Input.StartsAt", ""), new("Input.Place", ""), new("Input.Agenda", "")]));
        var badDate = await PageClient.TextAsync(await client.SubmitAsync(form, [new("Input.StartsAt", "mañana"), new("Input.Place", " "), new("Input.Agenda", "")]));

        Assert.Contains("Falta la fecha y hora de la asamblea.", empty);
        Assert.Contains("Falta el lugar de la asamblea", empty);
        Assert.Contains("La asamblea necesita al menos un punto en el orden del día", empty);
        Assert.Contains("Escriba la fecha y la hora de la asamblea.", badDate);
        Assert.DoesNotContain("Falta la fecha y hora de la asamblea.", badDate);
        Assert.Contains("Falta el lugar de la asamblea", badDate);
        Assert.Contains("La asamblea necesita al menos un punto en el orden del día", badDate);
    }

    [Fact]
    public async Task Convene_AsAResidentOrAnotherCouncilsSpokesperson_IsNotThere()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var resident = new PageClient(server);
        using var other = new PageClient(server);
        using var anonymous = new PageClient(server);
        await resident.SignInAsync("residente.panal");
        await other.SignInAsync("vocera.panal");
        var maizal = await DemoCouncils.IdAsync(database, DeliberationPages.Maizal);
        var panal = await DemoCouncils.IdAsync(database, DemoCouncils.PanalFirst);

        using var residentForm = await resident.GetAsync($"/consejos/{panal}/asambleas/convocar");
        using var otherForm = await other.GetAsync($"/consejos/{maizal}/asambleas/convocar");
        using var anonymousForm = await anonymous.GetAsync($"/consejos/{maizal}/asambleas/convocar");

        Assert.Equal(HttpStatusCode.NotFound, residentForm.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherForm.StatusCode);
        Assert.Equal("/cuenta/entrar", anonymousForm.RequestMessage!.RequestUri!.AbsolutePath);
        // The list is public, without the convene link.
        var list = await anonymous.HtmlAsync($"/consejos/{maizal}/asambleas");
        Assert.DoesNotContain("asambleas/convocar", list);
    }

    [Theory, BothEngines]
    public async Task CheckIn_BySearchAndPaperRoster_TurnsTheQuorumIndicatorFromNotMetToMet(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var api = await server.SignedInAsync("vocero.maizal");
        var driver = await AssemblyDriver.ForAsync(database, api, DeliberationPages.Maizal, ct);
        await driver.ConveneAndOpenAsync(ct, call: "second");
        using var client = new PageClient(server);
        await client.SignInAsync("vocero.maizal");
        var page = $"/asambleas/{driver.AssemblyId}";
        var first = driver.Eligible[0];
        var nationalIds = await DeliberationPages.NationalIdsAsync(database, driver.Eligible.Take(driver.QuorumRequired));
        var name = await DeliberationPages.QueryAsync(database, db => db.Residents.Where(r => r.Id == first).Select(r => r.FirstNames + " " + r.LastNames).SingleAsync(ct));

        var before = await client.HtmlAsync(page);
        Assert.Contains("data-met=\"false\"", before);
        Assert.Equal(0, DeliberationPages.Present(before));

        // At the door: search by name, then the button beside the person.
        var found = await client.HtmlAsync($"{page}?q={Uri.EscapeDataString(name)}");
        Assert.Contains(name, found);
        Assert.Contains($"value=\"{first}\"", found);
        using var checkedIn = await client.SubmitAsync(page, [new("residentId", first.ToString()), new("q", name)], $"{page}?handler=CheckIn");
        var afterOne = await PageClient.TextAsync(checkedIn);
        Assert.Contains("Asistencia registrada. 1 presentes", afterOne);
        Assert.Equal(1, DeliberationPages.Present(afterOne));
        Assert.Contains("data-met=\"false\"", afterOne);
        // Found again by cédula, now marked present instead of offering the button.
        var again = await client.HtmlAsync($"{page}?q={nationalIds[0]}");
        Assert.DoesNotContain($"value=\"{first}\"", again);

        // The paper roster: every cédula of the sheet, one typo and a cédula from another council.
        var otherCouncil = await DeliberationPages.QueryAsync(database, db => db.Residents
            .Where(r => r.Household!.Council!.Code == DemoCouncils.PanalFirst).Select(r => r.NationalId).FirstAsync(ct));
        var roster = string.Join("\n", nationalIds.Append("V12AB").Append(otherCouncil));
        using var entered = await client.SubmitAsync(page, [new("roster", roster)], $"{page}?handler=Roster");

        var report = await PageClient.TextAsync(entered);
        Assert.Contains($"{driver.QuorumRequired - 1} registrados desde la lista; {driver.QuorumRequired} presentes", report);
        Assert.Contains("Ya estaba presente: " + name, report);
        Assert.Contains("Eso no es una cédula", report);
        Assert.Contains("Esa persona no está en el censo de este consejo.", report);
        var after = await client.HtmlAsync(page);
        Assert.Contains("data-met=\"true\"", after);
        Assert.Equal(driver.QuorumRequired, DeliberationPages.Present(after));
        Assert.Equal(driver.QuorumRequired, await DeliberationPages.QueryAsync(database, db => db.Attendances.CountAsync(a => a.AssemblyId == driver.AssemblyId, ct)));
    }

    [Theory, BothEngines]
    public async Task Resident_CastsABallotThroughThePage_AndFindsTheReceiptInThePublicLog(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var api = await server.SignedInAsync("vocera.panal");
        var driver = await AssemblyDriver.ForAsync(database, api, DemoCouncils.PanalFirst, ct);
        // Panal councils have about 1,100 eligible: the second call and a roster of others make quorum.
        await driver.ConveneAndOpenAsync(ct, call: "second");
        var me = await DeliberationPages.ResidentOfAsync(database, "residente.panal");
        Assert.Contains(me, driver.Eligible);
        var present = driver.Eligible.Where(r => r != me).Take(driver.QuorumRequired - 1).Prepend(me).ToList();
        using var spokesperson = new PageClient(server);
        await spokesperson.SignInAsync("vocera.panal");
        var page = $"/asambleas/{driver.AssemblyId}";
        var roster = string.Join("\n", await DeliberationPages.NationalIdsAsync(database, present));
        (await spokesperson.SubmitAsync(page, [new("roster", roster)], $"{page}?handler=Roster")).Dispose();
        var voteId = await driver.CreateVoteAsync(new { question = "¿Recuperamos la cancha del sector?", kind = "yes-no-abstain", secret = true }, ct);
        (await driver.OpenVoteAsync(voteId, ct)).EnsureSuccessStatusCode();

        using var resident = new PageClient(server);
        await resident.SignInAsync("residente.panal");
        var ballot = await resident.HtmlAsync(page);
        Assert.Contains($"id=\"ballot-{voteId}\"", ballot);
        using var cast = await resident.SubmitAsync(page, [new("voteId", voteId.ToString()), new("choice", "yes")], $"{page}?handler=Ballot");

        var shown = await PageClient.TextAsync(cast);
        var receipt = DeliberationPages.Receipt(shown);
        Assert.Contains("Guarde este código para encontrar su voto en el registro público.", shown);
        Assert.Contains("Usted ya votó en esta votación.", shown);
        var log = await resident.HtmlAsync($"/asambleas/{driver.AssemblyId}/votaciones/{voteId}?recibo={receipt.ToLowerInvariant()}");
        Assert.Contains("Su voto es la entrada 1 del registro, con la opción: sí.", log);
        Assert.Contains($"<code>{receipt}</code>", log);
        var stored = await DeliberationPages.QueryAsync(database, db => db.VoteLog.SingleAsync(e => e.VoteId == voteId, ct));
        Assert.Equal((receipt, "yes"), (stored.Receipt, stored.Choice));
        // The receipt is shown once: a reload does not show it again on a shared phone.
        Assert.DoesNotContain(receipt, await resident.HtmlAsync(page));
        // A second ballot is refused, in the form.
        using var twice = await resident.SubmitAsync(page, [new("voteId", voteId.ToString()), new("choice", "no")], $"{page}?handler=Ballot");
        Assert.Contains("Esta persona ya votó en esta votación.", await PageClient.TextAsync(twice));
        Assert.Equal(1, await DeliberationPages.QueryAsync(database, db => db.VoteLog.CountAsync(e => e.VoteId == voteId, ct)));
    }

    [Fact]
    public async Task CloseAssembly_FirstPressAsks_AndOnlyTheConfirmationClosesAndSealsTheMinutes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var api = await server.SignedInAsync("vocera.panal");
        var driver = await AssemblyDriver.ForAsync(database, api, DemoCouncils.PanalFirst, ct);
        await driver.ConveneAndOpenAsync(ct, call: "second");
        (await driver.CheckInAsync(driver.Eligible[0], ct)).EnsureSuccessStatusCode();
        using var vocera = new PageClient(server);
        await vocera.SignInAsync("vocera.panal");
        var page = $"/asambleas/{driver.AssemblyId}";

        var before = await vocera.HtmlAsync(page);
        var asked = await PageClient.TextAsync(await vocera.SubmitAsync(page, [], $"{page}?handler=Close"));

        // One person present is one person, and the quorum sentence says what is missing in the singular or plural.
        var missing = driver.QuorumRequired - 1;
        var spanish = System.Globalization.CultureInfo.GetCultureInfo("es");
        Assert.Contains($"<strong>Sin quórum</strong>: 1 persona presente; el quórum es de {driver.QuorumRequired.ToString("N0", spanish)}: falta{(missing == 1 ? "" : "n")} {missing.ToString("N0", spanish)}.", before);

        Assert.Contains("id=\"confirm-close\"", asked);
        Assert.Contains("¿Cerrar la asamblea?", asked);
        Assert.Contains("El acta registrará 1 persona presente.", asked);
        Assert.Contains("No hay votaciones abiertas.", asked);
        Assert.Equal("InSession", (await DeliberationPages.QueryAsync(database, db => db.Assemblies.SingleAsync(a => a.Id == driver.AssemblyId, ct))).Status.ToString());
        Assert.False(await DeliberationPages.QueryAsync(database, db => db.Minutes.AnyAsync(m => m.AssemblyId == driver.AssemblyId, ct)));

        using var closed = await vocera.SubmitAsync(page, [new("confirmed", "true")], $"{page}?handler=Close");

        Assert.Equal($"/asambleas/{driver.AssemblyId}/acta", closed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Closed", (await DeliberationPages.QueryAsync(database, db => db.Assemblies.SingleAsync(a => a.Id == driver.AssemblyId, ct))).Status.ToString());
    }

    [Fact]
    public async Task AssemblyPage_ForAnonymousAndResidents_HasNoControls_AndTheirPostsAreRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var api = await server.SignedInAsync("vocera.panal");
        var driver = await AssemblyDriver.ForAsync(database, api, DemoCouncils.PanalFirst, ct);
        await driver.ConveneAndOpenAsync(ct, call: "second");
        (await driver.CheckInAsync(driver.Eligible[0], ct)).EnsureSuccessStatusCode();
        using var anonymous = new PageClient(server);
        using var resident = new PageClient(server);
        using var maizal = new PageClient(server);
        await resident.SignInAsync("residente.panal");
        await maizal.SignInAsync("vocero.maizal");
        var page = $"/asambleas/{driver.AssemblyId}";

        var seen = await anonymous.HtmlAsync(page);
        Assert.Contains("En sesión", seen);
        Assert.DoesNotContain("Cerrar la asamblea", seen);
        Assert.DoesNotContain("id=\"attendance\"", seen);
        using var spokesperson = new PageClient(server);
        await spokesperson.SignInAsync("vocera.panal");
        Assert.Contains("id=\"attendance\"", await spokesperson.HtmlAsync(page));
        using var residentCloses = await resident.SubmitAsync(page, [], $"{page}?handler=Close");
        using var strangerCloses = await maizal.SubmitAsync(page, [], $"{page}?handler=Close");
        using var residentRoster = await resident.SubmitAsync(page, [new("roster", "V1234567")], $"{page}?handler=Roster");

        Assert.Equal(HttpStatusCode.Forbidden, residentCloses.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerCloses.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, residentRoster.StatusCode);
        Assert.Equal("InSession", (await DeliberationPages.QueryAsync(database, db => db.Assemblies.SingleAsync(a => a.Id == driver.AssemblyId, ct))).Status.ToString());
    }

    [Fact]
    public async Task PaperBallots_ForApprovalAndRankedVotes_RecordTheOptionsInTheVotersOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var api = await server.SignedInAsync("vocero.maizal");
        var driver = await AssemblyDriver.ForAsync(database, api, DeliberationPages.Maizal, ct);
        await driver.ConveneAndOpenAsync(ct, call: "second");
        foreach (var resident in driver.Eligible.Take(driver.QuorumRequired))
            (await driver.CheckInAsync(resident, ct)).Dispose();
        var approval = await driver.CreateVoteAsync(new { question = "¿Qué cultivos sembramos?", kind = "approval", secret = false, options = new[] { "maíz", "caraota", "yuca" } }, ct);
        var ranked = await driver.CreateVoteAsync(new { question = "¿Qué arreglamos primero?", kind = "ranked", secret = true, options = new[] { "agua", "vialidad", "electricidad" } }, ct);
        (await driver.OpenVoteAsync(approval, ct)).EnsureSuccessStatusCode();
        (await driver.OpenVoteAsync(ranked, ct)).EnsureSuccessStatusCode();
        var voters = await DeliberationPages.NationalIdsAsync(database, driver.Eligible.Take(3));
        using var client = new PageClient(server);
        await client.SignInAsync("vocero.maizal");
        var page = $"/asambleas/{driver.AssemblyId}";
        var form = await client.HtmlAsync(page);
        Assert.Contains("name=\"choices\" value=\"caraota\"", form);
        Assert.Contains("name=\"ranks\"", form);

        using var approved = await client.SubmitAsync(page,
            [new("voteId", approval.ToString()), new("nationalId", voters[0]), new("choices", "yuca"), new("choices", "maíz")], $"{page}?handler=PaperBallot");
        // One select per place: the voter left the second place empty.
        using var rankedBallot = await client.SubmitAsync(page,
            [new("voteId", ranked.ToString()), new("nationalId", voters[1]), new("ranks", "electricidad"), new("ranks", ""), new("ranks", "agua")], $"{page}?handler=PaperBallot");
        using var twice = await client.SubmitAsync(page,
            [new("voteId", ranked.ToString()), new("nationalId", voters[2]), new("ranks", "agua"), new("ranks", "agua"), new("ranks", "")], $"{page}?handler=PaperBallot");
        using var stranger = await client.SubmitAsync(page,
            [new("voteId", ranked.ToString()), new("nationalId", "V-1"), new("ranks", "agua")], $"{page}?handler=PaperBallot");

        Assert.Contains("Comprobante para entregar a quien votó", await PageClient.TextAsync(approved));
        Assert.Contains("Comprobante para entregar a quien votó", await PageClient.TextAsync(rankedBallot));
        Assert.Contains("La boleta no es válida para esta votación", await PageClient.TextAsync(twice));
        Assert.Contains("Eso no es una cédula", await PageClient.TextAsync(stranger));
        var log = await DeliberationPages.QueryAsync(database, db => db.VoteLog.Where(e => e.VoteId == approval || e.VoteId == ranked)
            .ToDictionaryAsync(e => e.VoteId, e => e.Choice, ct));
        Assert.Equal(2, log.Count);
        // Approvals are kept in the options' order, a ranking in the voter's.
        Assert.Equal("maíz|yuca", log[approval]);
        Assert.Equal("electricidad|agua", log[ranked]);
        var tally = await client.HtmlAsync($"/asambleas/{driver.AssemblyId}/votaciones/{ranked}");
        Assert.Contains("electricidad › agua", tally);
    }

    [Fact]
    public async Task AssemblyPage_InEnglish_SpeaksEnglish()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);
        await client.SignInAsync("vocero.maizal");
        (await client.GetAsync("/idioma/en?volver=/")).Dispose();
        var councilId = await DemoCouncils.IdAsync(database, DeliberationPages.Maizal);

        using var convened = await client.SubmitAsync($"/consejos/{councilId}/asambleas/convocar",
            [new("Input.StartsAt", "2026-12-05T18:00"), new("Input.Place", "Casa comunal"), new("Input.Agenda", "Diagnóstico")]);
        var html = await PageClient.TextAsync(convened);

        Assert.Contains("<h1>Citizens' Assembly</h1>", html);
        Assert.Contains("Convened", html);
        Assert.Contains("First call (30%", html);
        Assert.Contains("The quorum is fixed from the census when the assembly opens.", html);
    }

    [Fact]
    public async Task Convened_Assembly_IsShownOnTheResidentsOwnPage_UntilItCloses()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var resident = new PageClient(server);
        await resident.SignInAsync("residente.panal");
        Assert.Contains("Su consejo comunal no tiene ninguna asamblea convocada por ahora.", await resident.HtmlAsync("/mi-hogar"));

        using var api = await server.SignedInAsync("vocera.panal");
        var driver = await AssemblyDriver.ForAsync(database, api, DemoCouncils.PanalFirst, ct);
        await driver.ConveneAndOpenAsync(ct, call: "second");
        var mine = await resident.HtmlAsync("/mi-hogar");
        Assert.Contains($"href=\"/asambleas/{driver.AssemblyId}\"", mine);
        Assert.Contains("Reparación de la tubería de agua", mine);

        (await api.PostAsync($"/api/v1/assemblies/{driver.AssemblyId}/close", null, ct)).EnsureSuccessStatusCode();
        Assert.DoesNotContain($"href=\"/asambleas/{driver.AssemblyId}\"", await resident.HtmlAsync("/mi-hogar"));
    }
}
