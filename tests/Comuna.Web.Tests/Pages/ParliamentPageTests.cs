using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Pages;

public sealed class ParliamentPageTests
{
    [Fact]
    public async Task Parliament_SeatedByCedulaAndConvened_RunsItsSessionOnTheAssemblyPage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        var (lidice, council, adults) = await DeliberationPages.QueryAsync(database, async db =>
        {
            var commune = await db.Communes.Where(c => c.Code == "COM-DC-ALTOSLIDICE").Select(c => c.Id).SingleAsync(ct);
            var first = await db.Councils.Where(c => c.CommuneId == commune).OrderBy(c => c.Code).Select(c => c.Id).FirstAsync(ct);
            var cutoff = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-20);
            var people = await db.Residents.Where(r => r.Household!.CouncilId == first && r.BirthDate <= cutoff).OrderBy(r => r.NationalId).Select(r => r.NationalId).Take(2).ToListAsync(ct);
            return (commune, first, people);
        });
        var page = $"/comunas/{lidice}/parlamento";

        using var visitor = new PageClient(server);
        Assert.Contains($"href=\"{page}\"", await visitor.HtmlAsync($"/comunas/{lidice}"));
        var empty = await visitor.HtmlAsync(page);
        Assert.Contains("Todavía no hay delegadas ni delegados.", empty);
        Assert.DoesNotContain("id=\"seat\"", empty);

        using var admin = new PageClient(server);
        await admin.SignInAsync("admin.lidice");
        using var seated = await admin.SubmitAsync(page, [new("kind", "Council"), new("councilId", council.ToString()), new("nationalId", adults[0])], $"{page}?handler=Seat");
        Assert.Contains("La delegada o el delegado ocupa su escaño.", await PageClient.TextAsync(seated));
        using var full = await admin.SubmitAsync(page, [new("kind", "Council"), new("councilId", council.ToString()), new("nationalId", adults[1])], $"{page}?handler=Seat");
        Assert.Contains("Ese escaño ya está ocupado.", await PageClient.TextAsync(full));
        using var bank = await admin.SubmitAsync(page, [new("kind", "CommunalBank"), new("councilId", council.ToString()), new("nationalId", adults[1])], $"{page}?handler=Seat");
        Assert.Contains("Banco de la comuna", await PageClient.TextAsync(bank));
        Assert.Equal(2, await DeliberationPages.QueryAsync(database, db => db.ParliamentSeats.CountAsync(s => s.CommuneId == lidice, ct)));

        using var convened = await admin.SubmitAsync(page,
            [new("Session.StartsAt", "2026-12-19T15:00"), new("Session.Place", "Sede de la comuna"), new("Session.Agenda", "Plan de la panadería")], $"{page}?handler=Convene");
        var session = await PageClient.TextAsync(convened);
        Assert.Contains("Sesión del Parlamento Comunal", session);
        Assert.Contains($"href=\"{page}\"", await convened.Content.ReadAsStringAsync(ct));
        var sessionId = DeliberationPages.AssemblyIdOf(convened);
        using var opened = await admin.SubmitAsync($"/asambleas/{sessionId}", [new("call", "first")], $"/asambleas/{sessionId}?handler=Open");
        var inSession = await PageClient.TextAsync(opened);
        Assert.Contains("En sesión", inSession);
        Assert.Contains("id=\"quorum-required\">2<", await opened.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/asambleas/{sessionId}/propuestas")).StatusCode);

        using var resident = new PageClient(server);
        await resident.SignInAsync("residente.panal");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.SubmitAsync(page,
            [new("kind", "ProductiveOrganisation"), new("councilId", council.ToString()), new("nationalId", adults[1])], $"{page}?handler=Seat")).StatusCode);
    }
}
