using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Distribution;

/// <summary>
/// Who keeps a resident's health flags: the spokespeople of the resident's council and its
/// commune's admin. Those who read the council's census are told "forbidden"; everyone else
/// "not found", so that another commune's residents reveal nothing.
/// </summary>
internal static class HealthFlagAccess
{
    /// <summary>Why the actor may not keep this resident's flags, or null when they may.</summary>
    public static async Task<Error?> RefusalAsync(IComunaDb db, Actor actor, Guid residentId, CancellationToken cancellationToken)
    {
        var council = await db.Residents.AsNoTracking().Where(r => r.Id == residentId).Select(r => r.Household!.Council).FirstOrDefaultAsync(cancellationToken);
        if (council is null)
            return Error.NotFound("resident", residentId);
        if (DistributionAccess.CanRun(actor, council))
            return null;
        return DistributionAccess.CanSeeHouseholds(actor, council)
            ? Error.Forbidden("forbidden", "Only the council's spokespeople and its commune's admin record health flags.")
            : Error.NotFound("resident", residentId);
    }
}
