using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Distribution;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Distribution;

/// <summary>
/// The health committee says a resident is no longer pregnant or malnourished: from today the flag
/// is not in force. A flag that began before today ends yesterday, so the rounds that began while
/// it held keep their priority (their allocation does not change under them); a flag that was to
/// begin today or later is removed, as never in force. Kept by those who record the flags.
/// </summary>
public sealed class ClearHealthFlag(IComunaDb db, TimeProvider clock)
{
    /// <summary>How many flags were ended or removed: none when the resident had none in force or to come.</summary>
    public async Task<Result<int>> ExecuteAsync(Actor actor, Guid residentId, HealthFlagKind kind, CancellationToken cancellationToken)
    {
        if (await HealthFlagAccess.RefusalAsync(db, actor, residentId, cancellationToken) is { } refusal)
            return refusal;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var yesterday = today.AddDays(-1);
        var flags = await db.HealthFlags.Where(f => f.ResidentId == residentId && f.Kind == kind && (f.EndsOn == null || f.EndsOn >= today))
            .ToListAsync(cancellationToken);
        foreach (var flag in flags)
        {
            if (flag.StartsOn < today)
                flag.EndsOn = yesterday;
            else
                db.HealthFlags.Remove(flag);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return flags.Count;
    }
}
