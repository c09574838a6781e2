using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Comuna.Web.Tests.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Pages;

public sealed class DeliberationMinutesTests
{
    [Theory, BothEngines]
    public async Task Assembly_RunThroughThePages_EndsInMinutesWithTheCheckpoint_AndAPdfThatCarriesIt(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        var (client, driver, page) = await InSessionWithQuorumAsync(database, server);
        using var _ = client;
        var items = await DeliberationPages.QueryAsync(database, db => db.AgendaItems.Where(i => i.AssemblyId == driver.AssemblyId).OrderBy(i => i.Position).ToListAsync(ct));

        using var summarised = await client.SubmitAsync(page, [new("itemId", items[1].Id.ToString()), new("summary", "Se debatió el costo de los tubos.\nHubo acuerdo.")], $"{page}?handler=Summary");
        Assert.Contains("Se guardó el resumen del punto 2.", await PageClient.TextAsync(summarised));
        using var created = await client.SubmitAsync(page,
        [
            new("NewVote.Question", "¿Compramos los tubos para la tubería de agua?"),
            new("NewVote.Kind", "YesNoAbstain"),
            new("NewVote.Secret", "true"),
            new("NewVote.Options", ""),
            new("NewVote.AgendaItemId", items[1].Id.ToString()),
            new("NewVote.MandatePurpose", "Compra de tubos"),
            new("NewVote.MandateAmount", "150.000,00"),
            new("NewVote.MandateCurrency", "ves"),
        ], $"{page}?handler=CreateVote");
        var vote = await DeliberationPages.QueryAsync(database, db => db.Votes.SingleAsync(v => v.AssemblyId == driver.AssemblyId, ct));
        Assert.Equal(new Comuna.Domain.Deliberation.MandateTerms("Compra de tubos", 150_000_00, "VES", null), vote.MandateIfApproved);
        (await client.SubmitAsync(page, [new("voteId", vote.Id.ToString())], $"{page}?handler=OpenVote")).Dispose();

        // Everyone present votes on paper: all yes but two no.
        var present = await DeliberationPages.NationalIdsAsync(database, driver.Eligible.Take(driver.QuorumRequired));
        for (var i = 0; i < present.Count; i++)
        {
            using var counted = await client.SubmitAsync(page,
                [new("voteId", vote.Id.ToString()), new("nationalId", present[i]), new("choice", i < 2 ? "no" : "yes")], $"{page}?handler=PaperBallot");
            Assert.Contains($"Boleta de papel de ", await PageClient.TextAsync(counted));
        }
        using var closedVote = await client.SubmitAsync(page, [new("voteId", vote.Id.ToString())], $"{page}?handler=CloseVote");
        var tally = await PageClient.TextAsync(closedVote);
        Assert.Equal($"/asambleas/{driver.AssemblyId}/votaciones/{vote.Id}", closedVote.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("<strong>Aprobada</strong>", tally);
        Assert.Contains("id=\"decision\"", tally);
        Assert.Equal(present.Count, await DeliberationPages.QueryAsync(database, db => db.VoteLog.CountAsync(e => e.VoteId == vote.Id, ct)));

        using var closed = await client.SubmitAsync(page, [new("confirmed", "true")], $"{page}?handler=Close");

        Assert.Equal($"/asambleas/{driver.AssemblyId}/acta", closed.RequestMessage!.RequestUri!.AbsolutePath);
        var minutes = await PageClient.TextAsync(closed);
        var stored = await DeliberationPages.QueryAsync(database, db => db.Minutes.SingleAsync(m => m.AssemblyId == driver.AssemblyId, ct));
        Assert.Contains($"<code id=\"checkpoint\" style=\"word-break:break-all;font-weight:700\">{stored.Checkpoint}</code>", minutes);
        Assert.Contains(stored.PreviousCheckpoint, minutes);
        Assert.Contains("Se debatió el costo de los tubos.\nHubo acuerdo.", minutes);
        Assert.Contains("¿Compramos los tubos para la tubería de agua?", minutes);
        Assert.Contains("sí: " + (present.Count - 2), minutes);
        Assert.Contains("Compra de tubos 150.000,00 VES", minutes);

        using var anonymous = new PageClient(server);
        using var pdf = await anonymous.GetAsync($"/asambleas/{driver.AssemblyId}/acta.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync(ct);
        Assert.True(bytes.Length > 1024, $"The PDF has only {bytes.Length} bytes.");
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
        // The checkpoint is drawn as plain text on the last page: the file itself can be searched for it.
        var text = Encoding.Latin1.GetString(bytes);
        Assert.Contains($"({stored.Checkpoint})", text);
        Assert.True(text.LastIndexOf(stored.Checkpoint, StringComparison.Ordinal) > text.LastIndexOf(stored.PreviousCheckpoint, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ParliamentSession_ItsMinutesAndVotes_SaySoInThePageAndThePdf()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        var session = await DeliberationPages.QueryAsync(database, db => db.Minutes
            .Where(m => db.Assemblies.Any(a => a.Id == m.AssemblyId && a.CouncilId == null)).Select(m => m.AssemblyId).FirstAsync(ct));
        var vote = await DeliberationPages.QueryAsync(database, db => db.Votes
            .Where(v => db.Assemblies.Any(a => a.Id == v.AssemblyId && a.CouncilId == null)).FirstAsync(ct));
        using var anonymous = new PageClient(server);

        var minutes = await anonymous.HtmlAsync($"/asambleas/{session}/acta");
        var pdf = Encoding.Latin1.GetString(await (await anonymous.GetAsync($"/asambleas/{session}/acta.pdf")).Content.ReadAsByteArrayAsync(ct));
        var page = await anonymous.HtmlAsync($"/asambleas/{vote.AssemblyId}/votaciones/{vote.Id}");

        Assert.Contains("<h1>Acta de la sesión del Parlamento Comunal</h1>", minutes);
        Assert.Contains("← Sesión del Parlamento Comunal</a>", minutes);
        Assert.Contains("de la anterior del parlamento", minutes);
        Assert.DoesNotContain("Asamblea de Ciudadanos", minutes);
        Assert.Contains("(Acta de la sesión del Parlamento Comunal)", pdf);
        Assert.DoesNotContain("Asamblea de Ciudadanos", pdf);
        // A vote of the session links back to the session.
        Assert.Contains("← Sesión del Parlamento Comunal · ", page);
        Assert.DoesNotContain("Asamblea de Ciudadanos", page);
    }

    [Fact]
    public async Task MinutesPdf_AsTextExtractedByPoppler_ReadsTheMinutesAndEndsWithTheCheckpoint()
    {
        if (!PdfText.Installed)
            Assert.Skip("pdftotext is not installed (apt-get install poppler-utils); the other minutes test still finds the checkpoint in the PDF's bytes.");
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        var (client, driver, page) = await InSessionWithQuorumAsync(database, server);
        using var _ = client;
        (await client.SubmitAsync(page, [new("confirmed", "true")], $"{page}?handler=Close")).Dispose();
        var checkpoint = await DeliberationPages.QueryAsync(database, db => db.Minutes.Where(m => m.AssemblyId == driver.AssemblyId).Select(m => m.Checkpoint).SingleAsync(ct));
        var pdf = await (await client.GetAsync($"/asambleas/{driver.AssemblyId}/acta.pdf")).Content.ReadAsByteArrayAsync(ct);

        var (text, exitCode) = await PdfText.ReadAsync(pdf);

        Assert.Equal(0, exitCode);
        Assert.Contains("Acta de la Asamblea de Ciudadanos y Ciudadanas", text);
        Assert.Contains("Reparación de la tubería de agua", text);
        Assert.Equal(checkpoint, text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last(l => !l.StartsWith('\f')));
    }

    [Fact]
    public async Task DebateSummary_ThroughTheApi_IsSavedInSession_AndRefusedWhenTooLongForeignOrClosed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var api = await server.SignedInAsync("vocero.maizal");
        using var stranger = await server.SignedInAsync("vocera.panal");
        var driver = await AssemblyDriver.ForAsync(database, api, DeliberationPages.Maizal, ct);
        await driver.ConveneAndOpenAsync(ct, call: "second");
        var item = await DeliberationPages.QueryAsync(database, db => db.AgendaItems.Where(i => i.AssemblyId == driver.AssemblyId).OrderBy(i => i.Position).FirstAsync(ct));
        var path = $"/api/v1/assemblies/{driver.AssemblyId}/agenda/{item.Id}";

        using var saved = await api.PutAsJsonAsync(path, new { debateSummary = "  Se presentaron los problemas del sector.  " }, ct);
        using var tooLong = await api.PutAsJsonAsync(path, new { debateSummary = new string('a', 20_001) }, ct);
        using var foreign = await stranger.PutAsJsonAsync(path, new { debateSummary = "Intruso" }, ct);
        using var unknown = await api.PutAsJsonAsync($"/api/v1/assemblies/{driver.AssemblyId}/agenda/{Guid.NewGuid()}", new { debateSummary = "x" }, ct);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Se presentaron los problemas del sector.", (await saved.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("debateSummary").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("debateSummary", (await tooLong.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Se presentaron los problemas del sector.",
            await DeliberationPages.QueryAsync(database, db => db.AgendaItems.Where(i => i.Id == item.Id).Select(i => i.DebateSummary).SingleAsync(ct)));

        (await api.PostAsync($"/api/v1/assemblies/{driver.AssemblyId}/close", null, ct)).EnsureSuccessStatusCode();
        using var afterClose = await api.PutAsJsonAsync(path, new { debateSummary = "Cambio tardío" }, ct);
        Assert.Equal(HttpStatusCode.Conflict, afterClose.StatusCode);
        Assert.Equal("assembly-not-in-session", await AssemblyDriver.CodeAsync(afterClose, ct));
    }

    [Fact]
    public async Task RankedVotePage_ShowsThePairwiseTableAndTheSchulzeOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var api = await server.SignedInAsync("vocero.maizal");
        var driver = await AssemblyDriver.ForAsync(database, api, DeliberationPages.Maizal, ct);
        await driver.ConveneAndOpenAsync(ct, call: "second");
        var voters = driver.Eligible.Take(Math.Max(driver.QuorumRequired, 9)).ToList();
        foreach (var resident in voters)
            (await driver.CheckInAsync(resident, ct)).Dispose();
        var voteId = await driver.CreateVoteAsync(new { question = "¿Qué problema atendemos primero?", kind = "ranked", secret = true, options = new[] { "agua", "vialidad", "electricidad" } }, ct);
        (await driver.OpenVoteAsync(voteId, ct)).EnsureSuccessStatusCode();
        // 4 × agua > electricidad > vialidad, 3 × vialidad > electricidad > agua, 2 × electricidad > vialidad > agua.
        string[][] ballots = [.. Enumerable.Repeat(new[] { "agua", "electricidad", "vialidad" }, 4),
            .. Enumerable.Repeat(new[] { "vialidad", "electricidad", "agua" }, 3),
            .. Enumerable.Repeat(new[] { "electricidad", "vialidad", "agua" }, 2)];
        for (var i = 0; i < ballots.Length; i++)
            (await driver.PaperBallotAsync(voteId, voters[i], new { choices = ballots[i] }, ct)).EnsureSuccessStatusCode();
        (await driver.CloseVoteAsync(voteId, ct)).EnsureSuccessStatusCode();
        using var anonymous = new PageClient(server);

        var html = await anonymous.HtmlAsync($"/asambleas/{driver.AssemblyId}/votaciones/{voteId}");

        Assert.Matches("<ol id=\"ranking\">\\s*<li>electricidad</li>\\s*<li>vialidad</li>\\s*<li>agua</li>", html);
        // Row electricidad: 6 prefer it to vialidad (4 + 2), 5 to agua (3 + 2); row agua: 4 over each.
        Assert.Matches("<tr><th>electricidad</th>\\s*<td class=\"n\">—</td>\\s*<td class=\"n\">6</td>\\s*<td class=\"n\">5</td>\\s*</tr>", html);
        Assert.Matches("<tr><th>agua</th>\\s*<td class=\"n\">4</td>\\s*<td class=\"n\">4</td>\\s*<td class=\"n\">—</td>\\s*</tr>", html);
        // Agua has the most first places (4), yet is last: the count of first places is shown beside the order.
        Assert.Matches("<td>agua</td><td class=\"n\">4</td>", html);
    }

    /// <summary>El Maizal's first council in session on second call, its quorum checked in through
    /// the paper roster, with its spokesperson signed in to the pages.</summary>
    private static async Task<(PageClient Client, AssemblyDriver Driver, string Page)> InSessionWithQuorumAsync(TestDatabase database, ComunaServer server)
    {
        var ct = TestContext.Current.CancellationToken;
        using var api = await server.SignedInAsync("vocero.maizal");
        var driver = await AssemblyDriver.ForAsync(database, api, DeliberationPages.Maizal, ct);
        await driver.ConveneAndOpenAsync(ct, call: "second");
        var client = new PageClient(server);
        await client.SignInAsync("vocero.maizal");
        var page = $"/asambleas/{driver.AssemblyId}";
        var roster = string.Join("\n", await DeliberationPages.NationalIdsAsync(database, driver.Eligible.Take(driver.QuorumRequired)));
        (await client.SubmitAsync(page, [new("roster", roster)], $"{page}?handler=Roster")).Dispose();
        return (client, driver, page);
    }
}
