using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Application.Distribution;
using Comuna.Domain.Common;
using Comuna.Domain.Distribution;
using Comuna.Domain.Registry;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Application.Demo;

/// <summary>
/// Two distribution rounds of Panal 2021's first council, Sector La Piedrita, recorded through the
/// real use cases on a demo clock: last fortnight's CLAP box — short by some boxes, so the priority
/// rule decided who got them — handed out over two days, mostly from the printed sheets, and closed
/// with its signed minutes; and this week's gas bottles, open, with the first households served.
/// The health committee's flags (pregnancies, malnutrition) come first. Runs once: a council that
/// has a round is left alone.
/// </summary>
public sealed class DemoRounds(IServiceProvider services, IComunaDb db, UserManager<ComunaUser> users, TimeProvider clock)
{
    public const string CouncilCode = "DC-PANAL2021-CC01";

    public async Task<bool> ExecuteAsync(CancellationToken ct)
    {
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Code == CouncilCode, ct);
        if (council is null || await db.DistributionRounds.AnyAsync(r => r.CouncilId == council.Id, ct))
            return false;
        var user = await users.FindByNameAsync("vocera.panal") ?? throw new InvalidOperationException("The demo account vocera.panal is missing.");
        var vocera = await DemoYear.ActorAsync(db, user.Id, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var demoClock = new DemoClock(new DateTimeOffset(today.AddDays(-130).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero));

        await FlagAsync(council, vocera, today, demoClock, ct);
        await ClapRoundAsync(council, vocera, user.UserName!, today.AddDays(-18), demoClock, ct);
        await GasRoundAsync(council, vocera, today, demoClock, ct);
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>The health committee's flags: four pregnancies and three malnourished children.</summary>
    private async Task FlagAsync(CommunalCouncil council, Actor vocera, DateOnly today, DemoClock demoClock, CancellationToken ct)
    {
        var residents = await db.Residents.AsNoTracking().Where(r => r.Household!.CouncilId == council.Id).OrderBy(r => r.NationalId)
            .Select(r => new { r.Id, r.Sex, r.BirthDate }).ToListAsync(ct);
        var pregnant = residents.Where(r => r.Sex == Sex.Female && r.BirthDate <= today.AddYears(-19) && r.BirthDate > today.AddYears(-38))
            .Where((_, i) => i % 23 == 0).Take(4);
        var children = residents.Where(r => r.BirthDate > today.AddYears(-8)).Where((_, i) => i % 17 == 0).Take(3);
        var record = Make<RecordHealthFlag>(demoClock);
        demoClock.At(today.AddDays(-120), 10);
        foreach (var r in pregnant)
            Must(await record.ExecuteAsync(vocera, r.Id, HealthFlagKind.Pregnant, today.AddDays(-120), today.AddDays(150), ct), "pregnancy flag");
        demoClock.At(today.AddDays(-60), 10);
        foreach (var r in children)
            Must(await record.ExecuteAsync(vocera, r.Id, HealthFlagKind.Malnutrition, today.AddDays(-60), null, ct), "malnutrition flag");
    }

    /// <summary>The CLAP box: 430 boxes for about 500 entitled; handed out on two days, entered from the sheets; closed.</summary>
    private async Task ClapRoundAsync(CommunalCouncil council, Actor vocera, string signer, DateOnly day, DemoClock demoClock, CancellationToken ct)
    {
        demoClock.At(day.AddDays(-2), 15);
        var round = Must(await Make<CreateRound>(demoClock).ExecuteAsync(vocera, council.Id, new RoundInput(
            DistributionKind.FoodBox, "Caja CLAP (harina, arroz, pasta, caraotas, aceite, azúcar)", "caja", 430, day, day.AddDays(1),
            ["Casa comunal de La Piedrita", "Cancha del bloque 3"], UnitsPerHousehold: 1, MembersPerExtraUnit: 5), ct), "CLAP round");
        var scope = Must(await RoundScope.LoadAsync(db, round.Id, ct), "CLAP round");
        var allocation = (await scope.AllocationAsync(db, ct)).Where(l => l.Allocated > 0).ToList();
        // Nine in ten of those with a share came; every fifteenth was marked at the table by search, the rest on the sheets.
        var came = allocation.Where((_, i) => i % 10 != 7).ToList();
        var bySearch = came.Where((_, i) => i % 15 == 0).ToList();
        var record = Make<RecordDelivery>(demoClock);
        demoClock.At(day, 9);
        foreach (var line in bySearch)
        {
            demoClock.Now = demoClock.Now.AddMinutes(4);
            Must(await record.ExecuteAsync(vocera, round.Id, line.HouseholdId, line.Allocated, DeliveryChannel.Search, beyondAllocation: false, ct), $"delivery to {line.Code}");
        }
        var onSheets = came.Except(bySearch).ToList();
        var sheet = Make<RecordDeliverySheet>(demoClock);
        var half = onSheets.Count / 2;
        demoClock.At(day, 19);
        Must(await sheet.ExecuteAsync(vocera, round.Id, string.Join('\n', onSheets.Take(half).Select(l => $"{l.Code} {l.Allocated}")), ct), "first day's sheet");
        demoClock.At(day.AddDays(1), 19);
        Must(await sheet.ExecuteAsync(vocera, round.Id, string.Join('\n', onSheets.Skip(half).Select(l => $"{l.Code} {l.Allocated}")), ct), "second day's sheet");
        demoClock.At(day.AddDays(1), 20);
        Must(await Make<CloseRound>(demoClock, Make<DeliveryMinutesWriter>()).ExecuteAsync(vocera, round.Id, signer, ct), "CLAP minutes");
    }

    /// <summary>The gas bottles: one per household, open since this morning, the first families served.</summary>
    private async Task GasRoundAsync(CommunalCouncil council, Actor vocera, DateOnly today, DemoClock demoClock, CancellationToken ct)
    {
        demoClock.At(today.AddDays(-3), 16);
        var round = Must(await Make<CreateRound>(demoClock).ExecuteAsync(vocera, council.Id, new RoundInput(
            DistributionKind.GasBottle, "Bombona de gas de 10 kg", "bombona", 300, today, today.AddDays(2), ["Planta de llenado, avenida Sucre"],
            UnitsPerHousehold: 1, PriorityPregnant: false, PriorityMalnutrition: false), ct), "gas round");
        var scope = Must(await RoundScope.LoadAsync(db, round.Id, ct), "gas round");
        var first = (await scope.AllocationAsync(db, ct)).Where(l => l.Allocated > 0).Where((_, i) => i % 9 == 4).Take(40).ToList();
        var record = Make<RecordDelivery>(demoClock);
        demoClock.At(today, 7);
        foreach (var line in first)
        {
            demoClock.Now = demoClock.Now.AddMinutes(3);
            Must(await record.ExecuteAsync(vocera, round.Id, line.HouseholdId, line.Allocated, DeliveryChannel.Search, beyondAllocation: false, ct), $"gas for {line.Code}");
        }
    }

    /// <summary>A use case with the demo's clock in place of the real one.</summary>
    private T Make<T>(DemoClock demoClock, params object[] with) => ActivatorUtilities.CreateInstance<T>(services, [demoClock, .. with]);

    private T Make<T>() => ActivatorUtilities.CreateInstance<T>(services);

    private static T Must<T>(Result<T> result, string what) => result.IsSuccess
        ? result.Value
        : throw new InvalidOperationException($"The demo's {what} was refused: {result.Error.Code} — {result.Error.Message}");
}
