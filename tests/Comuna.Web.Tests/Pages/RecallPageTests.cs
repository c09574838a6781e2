using System.Net.Http.Json;
using Comuna.Domain.Deliberation;
using Comuna.Web.Tests.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Pages;

public sealed class RecallPageTests
{
    [Fact]
    public async Task Recall_StartedAndSignedOnThePage_QualifiesAndGoesOnTheAssemblysAgenda()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        var councilId = await DemoCouncils.IdAsync(database, DemoCouncils.PanalFirst);
        var target = await DeliberationPages.QueryAsync(database, db => db.Spokespeople.Where(s => s.CouncilId == councilId).OrderBy(s => s.Id).FirstAsync(ct));
        var page = $"/consejos/{councilId}/revocatorias";

        using var resident = new PageClient(server);
        await resident.SignInAsync("residente.panal");
        Assert.Contains($"href=\"{page}\"", await resident.HtmlAsync($"/consejos/{councilId}"));
        var listing = await resident.HtmlAsync(page);
        Assert.Contains("No se ha pedido ninguna revocatoria.", listing);
        Assert.DoesNotContain("paper-sign-", listing);

        using var noReason = await resident.SubmitAsync(page, [new("spokespersonId", target.Id.ToString()), new("reason", "")], $"{page}?handler=Start");
        Assert.Contains("role=\"alert\"", await noReason.Content.ReadAsStringAsync(ct));
        using var started = await resident.SubmitAsync(page,
            [new("spokespersonId", target.Id.ToString()), new("reason", "No rinde cuentas de la distribución de alimentos.")], $"{page}?handler=Start");
        Assert.Contains("La solicitud de revocatoria está abierta", await PageClient.TextAsync(started));
        var petition = await DeliberationPages.QueryAsync(database, db => db.RecallPetitions.SingleAsync(p => p.SpokespersonId == target.Id, ct));
        using var again = await resident.SubmitAsync(page, [new("petitionId", petition.Id.ToString())], $"{page}?handler=Sign");
        Assert.Contains($"Esa firma ya estaba contada: 1 de {petition.SignaturesRequired}.", await PageClient.TextAsync(again));

        // Social oversight enters the signatures collected on paper, by cédula.
        using var oversight = new PageClient(server);
        await oversight.SignInAsync("contraloria.panal");
        var me = await DeliberationPages.ResidentOfAsync(database, "residente.panal");
        var driver = await AssemblyDriver.ForAsync(database, server.Anonymous(), DemoCouncils.PanalFirst, ct);
        var signers = driver.Eligible.Where(r => r != me).Take(petition.SignaturesRequired).ToList();
        var cedulas = await DeliberationPages.NationalIdsAsync(database, signers.Take(1));
        using var unknown = await oversight.SubmitAsync(page, [new("petitionId", petition.Id.ToString()), new("nationalId", "V-1")], $"{page}?handler=Sign");
        Assert.Contains("role=\"alert\"", await unknown.Content.ReadAsStringAsync(ct));
        using var paper = await oversight.SubmitAsync(page, [new("petitionId", petition.Id.ToString()), new("nationalId", cedulas[0])], $"{page}?handler=Sign");
        Assert.Contains($"Firma contada: 2 de {petition.SignaturesRequired}.", await PageClient.TextAsync(paper));
        using var api = await server.SignedInAsync("contraloria.panal");
        foreach (var signer in signers.Skip(1).Take(petition.SignaturesRequired - 2))
            (await api.PostAsJsonAsync($"/api/v1/recalls/{petition.Id}/signatures", new { residentId = signer }, ct)).EnsureSuccessStatusCode();
        Assert.Contains("Con las firmas necesarias", await resident.HtmlAsync(page));

        using var spokespersonApi = await server.SignedInAsync("vocera.panal");
        var assembly = await AssemblyDriver.ForAsync(database, spokespersonApi, DemoCouncils.PanalFirst, ct);
        await assembly.ConveneAndOpenAsync(ct, call: "second");
        using var spokesperson = new PageClient(server);
        await spokesperson.SignInAsync("vocera.panal");
        using var onAgenda = await spokesperson.SubmitAsync(page,
            [new("petitionId", petition.Id.ToString()), new("assemblyId", assembly.AssemblyId.ToString())], $"{page}?handler=Agenda");
        Assert.Equal($"/asambleas/{assembly.AssemblyId}", onAgenda.RequestMessage!.RequestUri!.AbsolutePath);
        var stored = await DeliberationPages.QueryAsync(database, db => db.RecallPetitions.SingleAsync(p => p.Id == petition.Id, ct));
        Assert.Equal(RecallStatus.OnAgenda, stored.Status);
        var vote = await DeliberationPages.QueryAsync(database, db => db.Votes.SingleAsync(v => v.Id == stored.VoteId, ct));
        Assert.True(vote.Secret);
    }
}
