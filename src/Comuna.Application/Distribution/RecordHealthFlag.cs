using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Distribution;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Distribution;

/// <summary>
/// The health committee records that a resident is pregnant or malnourished, from a day and
/// (where it ends) until another; distribution rounds give the resident's household priority on
/// the days the flag is in force. Kept by the council's spokespeople and its commune's admin.
/// </summary>
public sealed class RecordHealthFlag(IComunaDb db, TimeProvider clock)
{
    public async Task<Result<HealthFlag>> ExecuteAsync(
        Actor actor, Guid residentId, HealthFlagKind kind, DateOnly? startsOn, DateOnly? endsOn, CancellationToken cancellationToken)
    {
        if (await HealthFlagAccess.RefusalAsync(db, actor, residentId, cancellationToken) is { } refusal)
            return refusal;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = startsOn ?? today;
        if (endsOn is { } until && until < from)
            return Error.Invalid("endsOn", "The flag ends on or after the day it starts.");
        if (await db.HealthFlags.AnyAsync(f => f.ResidentId == residentId && f.Kind == kind && f.StartsOn == from, cancellationToken))
            return Error.Conflict("health-flag-exists", "This flag is already recorded from that day.");
        var flag = new HealthFlag
        {
            Id = Guid.CreateVersion7(),
            ResidentId = residentId,
            Kind = kind,
            StartsOn = from,
            EndsOn = endsOn,
            RecordedBy = actor.UserId ?? "system",
            RecordedAtUtc = StoredTime.Of(clock.GetUtcNow().UtcDateTime),
        };
        db.HealthFlags.Add(flag);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return flag;
    }
}
