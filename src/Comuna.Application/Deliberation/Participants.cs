using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>
/// Which resident of the council acts: the signed-in resident themselves, or — when a
/// spokesperson enters what someone said or marked on paper — the person named.
/// </summary>
public static class Participants
{
    /// <param name="mayActForOthers">Whether this actor may act for someone else here; by default,
    /// those who run the council's assembly.</param>
    public static async Task<Result<Guid>> ResolveAsync(
        IComunaDb db, Actor actor, CommunalCouncil council, Guid? onBehalfOf, CancellationToken cancellationToken, bool? mayActForOthers = null)
    {
        if (onBehalfOf is { } residentId)
        {
            if (!(mayActForOthers ?? DeliberationAccess.CanRun(actor, council)))
                return Error.Forbidden("forbidden", "Only the council's spokespeople act on behalf of a resident.");
            var inCouncil = await db.Residents.AnyAsync(r => r.Id == residentId && r.Household!.CouncilId == council.Id, cancellationToken);
            return inCouncil
                ? residentId
                : new Error("resident-not-in-council", "The person is not in this council's census.", ErrorKind.Validation, "residentId");
        }
        var own = DeliberationAccess.ResidentIdsOf(actor).ToList();
        var mine = await db.Residents.Where(r => own.Contains(r.Id) && r.Household!.CouncilId == council.Id)
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        return mine is { } id
            ? id
            : Error.Forbidden("not-a-resident", "Your account is not a resident of this council.");
    }
}
