using Comuna.Application.Demo;
using Comuna.Web.Tests.Deliberation;
using Comuna.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Comuna.Web.Tests.Browser;

/// <summary>A spokesperson runs a whole assembly from a phone-sized Chromium, without JavaScript.</summary>
public sealed class AssemblyBrowserTests
{
    [Fact]
    public async Task Vocero_ConvenesOpensTakesTheRosterVotesOnPaperAndCloses_SeesTheMinutesWithTheCheckpoint()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var anonymous = server.Anonymous();
        var census = await AssemblyDriver.ForAsync(database, anonymous, DeliberationPages.Maizal, ct);
        // The second call needs a fifth of the eligible, rounded up: the sheet has exactly that many names.
        var quorum = (int)Math.Ceiling(census.Eligible.Count * 0.2m);
        var roster = await DeliberationPages.NationalIdsAsync(database, census.Eligible.Take(quorum));

        await using var browser = await PhoneBrowser.OpenAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("vocero.maizal");

        await page.GotoAsync($"/consejos/{census.CouncilId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Asambleas", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Convocar una asamblea" }).ClickAsync();
        await page.GetByLabel("Fecha y hora").FillAsync("2026-12-05T18:00");
        await page.GetByLabel("Lugar").FillAsync("Casa comunal de Sabana Alta");
        await page.GetByLabel("Orden del día").FillAsync("Diagnóstico del sector\nSiembra del próximo ciclo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Convocar" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Convocada");
        var assembly = page.Url;

        await page.GetByLabel("Segunda convocatoria").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Abrir la asamblea" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("En sesión");
        await Assertions.Expect(page.Locator("#quorum")).ToContainTextAsync("Sin quórum");

        await page.GetByLabel("Lista de asistencia en papel").FillAsync(string.Join("\n", roster));
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar la lista" }).ClickAsync();
        await Assertions.Expect(page.Locator("#roster-report")).ToContainTextAsync($"{quorum} registrados desde la lista");
        await Assertions.Expect(page.Locator("#quorum")).ToContainTextAsync("Hay quórum");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "comuna-assembly.png"), FullPage = true });

        await page.GetByLabel("Pregunta", new() { Exact = true }).FillAsync("¿Sembramos maíz en el lote comunal?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preparar la votación" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Abrir la votación" }).ClickAsync();
        var yes = quorum / 2 + 1;
        for (var i = 0; i < yes + 1; i++)
        {
            var vote = page.Locator("article.vote").First;
            await vote.GetByText("Cargar una boleta de papel").ClickAsync();
            await vote.GetByLabel("Cédula de quien vota").FillAsync(roster[i]);
            await vote.GetByLabel(i < yes ? "sí" : "no", new() { Exact = true }).CheckAsync();
            await vote.GetByRole(AriaRole.Button, new() { Name = "Contar esta boleta de papel" }).ClickAsync();
            await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync(roster[i]);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Cerrar la votación y contar" }).ClickAsync();
        await Assertions.Expect(page.Locator("#outcome")).ToContainTextAsync("Aprobada");
        await Assertions.Expect(page.Locator("#ballots")).ToHaveTextAsync((yes + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "comuna-vote.png"), FullPage = true });

        await page.GotoAsync(assembly);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cerrar la asamblea" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sí, cerrar la asamblea y sellar el acta" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Acta de la Asamblea de Ciudadanos y Ciudadanas", Level = 1 })).ToBeVisibleAsync();
        await using var db = database.NewContext();
        // The demo's year holds other minutes of this council: read this assembly's own.
        var assemblyId = Guid.Parse(new Uri(assembly).Segments[^1]);
        var checkpoint = await db.Minutes.Where(m => m.AssemblyId == assemblyId).Select(m => m.Checkpoint).SingleAsync(ct);
        await Assertions.Expect(page.Locator("#checkpoint")).ToHaveTextAsync(checkpoint);
        await Assertions.Expect(page.Locator("#minutes-present")).ToHaveTextAsync(quorum.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "comuna-assembly-minutes.png"), FullPage = true });
    }
}
