using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Application.Deliberation;
using Comuna.Domain.Deliberation;
using Comuna.Domain.Registry;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Application.Demo;

/// <summary>
/// Gives the demo a living bank: the year before this month in the books of Panal 2021 (urban:
/// bakery, textile workshop, raffles, a co-management grant for the communal house's roof) and of
/// El Maizal (rural: maize and milk, agricultural financing, the tractor), with the assemblies
/// whose mandates the spending rests on. Runs once per commune: books that hold an account are left alone.
/// </summary>
public sealed class DemoBooks(IServiceProvider services, IComunaDb db, UserManager<ComunaUser> users, TimeProvider clock)
{
    public async Task<bool> ExecuteAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var written = false;
        written |= await PlayAsync("COM-DC-PANAL2021", thisMonth, PanalAsync, ct);
        written |= await PlayAsync("COM-LA-ELMAIZAL", thisMonth, MaizalAsync, ct);
        return written;
    }

    private async Task<bool> PlayAsync(string code, DateOnly thisMonth, Func<Guid, DateOnly, DemoClock, CancellationToken, Task> story, CancellationToken ct)
    {
        var communeId = await db.Communes.Where(c => c.Code == code).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
        if (communeId is not { } id || await db.Accounts.AnyAsync(a => a.CommuneId == id, ct))
            return false;
        var first = thisMonth.AddMonths(-12);
        await story(id, first, new DemoClock(new DateTimeOffset(first.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero)), ct);
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>Panal 2021: its parliament decides; the bakery's proceeds pay for its flour, the state's grant for the roof.</summary>
    private async Task PanalAsync(Guid communeId, DateOnly first, DemoClock demoClock, CancellationToken ct)
    {
        var year = new DemoYear(services, db, demoClock, communeId, seed: 2021)
        {
            Finance = await ActorAsync("finanzas.panal", ct),
            SecondApprover = await ActorAsync("tesorera.panal", ct),
        };
        var admin = await ActorAsync("admin.panal", ct);
        await DemoBooksCatalog.OpenPanalAccountsAsync(year, ct);
        var delegates = await SeatParliamentAsync(admin, communeId, first, demoClock, ct);
        var parliament = new ConveneInput(null, communeId, null, "Casa comunal de El Panal", null);
        await DemoBooksCatalog.PlayPanalAsync(year, first, (key, day, agenda, question, mandate) => year.DecideAsync(
            key, day, admin, parliament with { Agenda = [agenda] }, delegates, yes: delegates.Count - 2, question, mandate, ct), ct);
    }

    /// <summary>El Maizal: the citizens' assembly of Sabana Alta decides on seed and the tractor; maize and milk pay for them.</summary>
    private async Task MaizalAsync(Guid communeId, DateOnly first, DemoClock demoClock, CancellationToken ct)
    {
        var year = new DemoYear(services, db, demoClock, communeId, seed: 2009) { Finance = await ActorAsync("finanzas.maizal", ct) };
        var spokesperson = await ActorAsync("vocero.maizal", ct);
        var council = await db.Councils.AsNoTracking().Where(c => c.CommuneId == communeId).OrderBy(c => c.Code).FirstAsync(ct);
        var eligible = await EligibleAsync(council.Id, first, ct);
        // Four in ten of the eligible come: above the first call's 30%.
        var present = eligible.Take((eligible.Count * 4 / 10) + 1).ToList();
        await DemoBooksCatalog.OpenMaizalAccountsAsync(year, ct);
        var assembly = new ConveneInput(council.Id, null, null, "Galpón de la comuna, Sabana Alta", null);
        await DemoBooksCatalog.PlayMaizalAsync(year, first, (key, day, agenda, question, mandate) => year.DecideAsync(
            key, day, spokesperson, assembly with { Agenda = [agenda] }, present, yes: (present.Count * 3 / 4) + 1, question, mandate, ct), ct);
    }

    /// <summary>One delegate per council, three for the productive organisations and one for the bank, elected as the year begins.</summary>
    private async Task<List<Guid>> SeatParliamentAsync(Actor admin, Guid communeId, DateOnly first, DemoClock demoClock, CancellationToken ct)
    {
        demoClock.At(first, 9);
        var seat = ActivatorUtilities.CreateInstance<SeatDelegate>(services, demoClock);
        var councils = await db.Councils.AsNoTracking().Where(c => c.CommuneId == communeId).OrderBy(c => c.Code).Select(c => c.Id).ToListAsync(ct);
        var seats = new List<(Guid Resident, SeatKind Kind, Guid? Council)>();
        foreach (var councilId in councils)
        {
            var eligible = await EligibleAsync(councilId, first, ct);
            seats.Add((eligible[1], SeatKind.Council, councilId));
            if (seats.Count(s => s.Kind != SeatKind.Council) < 4)
                seats.Add((eligible[2], seats.Count(s => s.Kind == SeatKind.ProductiveOrganisation) < 3 ? SeatKind.ProductiveOrganisation : SeatKind.CommunalBank, null));
        }
        foreach (var (resident, kind, councilId) in seats)
        {
            var seated = await seat.ExecuteAsync(admin, communeId, new SeatInput(resident, kind, councilId, first), ct);
            if (!seated.IsSuccess)
                throw new InvalidOperationException($"The demo's delegate was refused: {seated.Error.Code} — {seated.Error.Message}");
        }
        return seats.Select(s => s.Resident).ToList();
    }

    private async Task<List<Guid>> EligibleAsync(Guid councilId, DateOnly day, CancellationToken ct)
    {
        var cutoff = Eligibility.BornOnOrBefore(day, RuleSets.Default.VotingAge);
        return await db.Residents.AsNoTracking().Where(r => r.Household!.CouncilId == councilId && r.BirthDate <= cutoff)
            .OrderBy(r => r.NationalId).Select(r => r.Id).ToListAsync(ct);
    }

    private async Task<Actor> ActorAsync(string username, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(username) ?? throw new InvalidOperationException($"The demo account {username} is missing.");
        return await DemoYear.ActorAsync(db, user.Id, ct);
    }
}
