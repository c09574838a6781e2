using Comuna.Domain.Deliberation;
using Comuna.Web.Tests.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Pages;

public sealed class ProposalPageTests
{
    [Fact]
    public async Task Proposal_SubmittedArguedAndAmendedByResidents_IsPutToTheVoteBySpokespeople()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var api = await server.SignedInAsync("vocera.panal");
        var driver = await AssemblyDriver.ForAsync(database, api, DemoCouncils.PanalFirst, ct);
        await driver.ConveneAndOpenAsync(ct, call: "second");
        var item = await DeliberationPages.QueryAsync(database, db => db.AgendaItems.Where(i => i.AssemblyId == driver.AssemblyId).OrderBy(i => i.Position).Skip(1).FirstAsync(ct));
        var page = $"/asambleas/{driver.AssemblyId}/propuestas";

        using var resident = new PageClient(server);
        await resident.SignInAsync("residente.panal");
        Assert.Contains($"href=\"{page}\"", await resident.HtmlAsync($"/asambleas/{driver.AssemblyId}"));
        Assert.Contains("Todavía no hay propuestas en este punto.", await resident.HtmlAsync(page));

        using var untitled = await resident.SubmitAsync(page,
            [new("agendaItemId", item.Id.ToString()), new("title", " "), new("text", "Cambiar 40 metros de tubería.")], $"{page}?handler=Submit");
        Assert.Contains("role=\"alert\"", await untitled.Content.ReadAsStringAsync(ct));
        Assert.Equal(0, await DeliberationPages.QueryAsync(database, db => db.Proposals.CountAsync(p => p.AssemblyId == driver.AssemblyId, ct)));

        using var submitted = await resident.SubmitAsync(page,
            [new("agendaItemId", item.Id.ToString()), new("title", "Tubería nueva en la calle 3"), new("text", "Cambiar 40 metros de tubería.")], $"{page}?handler=Submit");
        var shown = await PageClient.TextAsync(submitted);
        Assert.Contains("Su propuesta «Tubería nueva en la calle 3» está en el orden del día.", shown);
        var proposal = await DeliberationPages.QueryAsync(database, db => db.Proposals.SingleAsync(p => p.AssemblyId == driver.AssemblyId, ct));
        Assert.Equal(item.Id, proposal.AgendaItemId);

        (await resident.SubmitAsync(page, [new("proposalId", proposal.Id.ToString()), new("side", "For"), new("text", "La calle 3 lleva un mes sin agua.")], $"{page}?handler=Argue")).Dispose();
        (await resident.SubmitAsync(page, [new("proposalId", proposal.Id.ToString()), new("side", "Against"), new("text", "Primero la bomba.")], $"{page}?handler=Argue")).Dispose();
        using var amended = await resident.SubmitAsync(page,
            [new("proposalId", proposal.Id.ToString()), new("text", "Cambiar 60 metros de tubería y la llave de paso.")], $"{page}?handler=Amend");
        var afterAmend = await amended.Content.ReadAsStringAsync(ct);
        Assert.Contains("Modificación 1 guardada.", afterAmend);
        Assert.Contains("Modificaciones: 1", afterAmend);
        Assert.Contains("<del style=\"white-space:pre-line\">Cambiar 40 metros de tubería.</del>", afterAmend);
        Assert.Contains("A favor (1)", afterAmend);
        Assert.Contains("En contra (1)", afterAmend);
        Assert.DoesNotContain($"id=\"tovote-{proposal.Id}\"", afterAmend);

        using var spokesperson = new PageClient(server);
        await spokesperson.SignInAsync("vocera.panal");
        Assert.Contains($"id=\"tovote-{proposal.Id}\"", await spokesperson.HtmlAsync(page));
        using var toVote = await spokesperson.SubmitAsync(page,
            [new("proposalId", proposal.Id.ToString()), new("secret", "true"), new("mandatePurpose", "Tubería de la calle 3"), new("mandateAmount", "1.250,00"), new("mandateCurrency", "USD")],
            $"{page}?handler=ToVote");
        var vote = await DeliberationPages.QueryAsync(database, db => db.Votes.SingleAsync(v => v.AssemblyId == driver.AssemblyId, ct));
        Assert.Equal(125_000, vote.MandateIfApproved!.AmountMinor);
        var stored = await DeliberationPages.QueryAsync(database, db => db.Proposals.SingleAsync(p => p.Id == proposal.Id, ct));
        Assert.Equal(ProposalStatus.UnderVote, stored.Status);
        Assert.Equal(vote.Id, stored.VoteId);

        // In debate no more: arguing now is refused on the page, in words.
        using var late = await resident.SubmitAsync(page, [new("proposalId", proposal.Id.ToString()), new("side", "For"), new("text", "Tarde.")], $"{page}?handler=Argue");
        Assert.Contains("La propuesta ya pasó a votación; su debate terminó.", await PageClient.TextAsync(late));
    }
}
