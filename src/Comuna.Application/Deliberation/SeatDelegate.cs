using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Access;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

public sealed record SeatInput(Guid ResidentId, SeatKind? Kind, Guid? CouncilId, DateOnly? ElectedOn);

/// <summary>
/// Records a delegate elected to the commune's parliament: one per member council (a resident of
/// that council), three for the productive organisations and one for the communal bank, each for
/// a three-year term.
/// </summary>
public sealed class SeatDelegate(IComunaDb db, TimeProvider clock)
{
    public const int TermYears = 3;

    public static int SeatsOf(SeatKind kind) => kind switch
    {
        SeatKind.Council => 1,
        SeatKind.ProductiveOrganisation => 3,
        SeatKind.CommunalBank => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown seat."),
    };

    public async Task<Result<ParliamentSeat>> ExecuteAsync(Actor actor, Guid communeId, SeatInput input, CancellationToken cancellationToken)
    {
        if (!await db.Communes.AnyAsync(c => c.Id == communeId, cancellationToken))
            return Error.NotFound("commune", communeId);
        if (!actor.CommunesWhere(Role.CommuneAdmin).Contains(communeId))
        {
            return await RegistryAccess.HoldsAnyRoleInAsync(db, actor, communeId, cancellationToken)
                ? Error.Forbidden("forbidden", "The commune's admin records the parliament's delegates.")
                : Error.NotFound("commune", communeId);
        }
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
            return Error.Invalid("kind", "The seat is missing: council, productive-organisation or communal-bank.");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var electedOn = input.ElectedOn ?? today;
        if (electedOn > today)
            return Error.Invalid("electedOn", $"The election date {electedOn:yyyy-MM-dd} is in the future.");
        if ((kind == SeatKind.Council) != (input.CouncilId is not null))
            return Error.Invalid("councilId", "A council's seat names its council (councilId); the other seats name none.");

        var resident = await db.Residents.AsNoTracking().Where(r => r.Id == input.ResidentId)
            .Select(r => new { r.Id, r.BirthDate, r.Household!.CouncilId, CommuneId = r.Household.Council!.CommuneId })
            .FirstOrDefaultAsync(cancellationToken);
        if (resident is null || resident.CommuneId != communeId)
            return new Error("resident-not-in-commune", "The delegate is not a resident of one of the commune's councils.", ErrorKind.Validation, "residentId");
        if (kind == SeatKind.Council && resident.CouncilId != input.CouncilId)
            return new Error("resident-not-in-council", "A council's delegate is a resident of that council.", ErrorKind.Validation, "residentId");
        if (!Eligibility.IsEligible(resident.BirthDate, electedOn, RuleSets.Default.VotingAge))
            return new Error("not-eligible", $"Delegates are residents aged {RuleSets.Default.VotingAge} or over.", ErrorKind.Validation, "residentId");

        var sitting = db.ParliamentSeats.Where(s => s.CommuneId == communeId && s.ElectedOn <= electedOn && electedOn < s.TermEndsOn);
        if (await sitting.AnyAsync(s => s.ResidentId == resident.Id, cancellationToken))
            return Error.Conflict("already-seated", "This person already holds a seat in the parliament.");
        var taken = kind == SeatKind.Council
            ? await sitting.CountAsync(s => s.Kind == kind && s.CouncilId == input.CouncilId, cancellationToken)
            : await sitting.CountAsync(s => s.Kind == kind, cancellationToken);
        if (taken >= SeatsOf(kind))
            return Error.Conflict("seats-full", $"The parliament already has its {SeatsOf(kind)} delegate(s) of this kind in office.");

        var seat = new ParliamentSeat
        {
            Id = Guid.CreateVersion7(),
            CommuneId = communeId,
            ResidentId = resident.Id,
            Kind = kind,
            CouncilId = input.CouncilId,
            ElectedOn = electedOn,
            TermEndsOn = electedOn.AddYears(TermYears),
        };
        db.ParliamentSeats.Add(seat);
        await db.SaveChangesAsync(cancellationToken);
        return seat;
    }
}
