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
    public static Task<Result<Guid>> ResolveAsync(
        IComunaDb db, Actor actor, CommunalCouncil council, Guid? onBehalfOf, CancellationToken cancellationToken, bool? mayActForOthers = null) =>
        ResolveAsync(db, actor, new CouncilBody(council), DateOnly.MinValue, onBehalfOf, cancellationToken, mayActForOthers);

    /// <param name="day">The day that decides who belongs (a parliament's seats change with terms).</param>
    public static async Task<Result<Guid>> ResolveAsync(
        IComunaDb db, Actor actor, AssemblyBody body, DateOnly day, Guid? onBehalfOf, CancellationToken cancellationToken, bool? mayActForOthers = null)
    {
        var participants = body.Participants(db, day);
        if (onBehalfOf is { } residentId)
        {
            if (!(mayActForOthers ?? body.CanRun(actor)))
                return Error.Forbidden("forbidden", "Only those who run the sessions act on behalf of someone.");
            return await participants.ContainsAsync(residentId, cancellationToken)
                ? residentId
                : new Error("resident-not-in-council", $"The person is not a {body.MemberWord}.", ErrorKind.Validation, "residentId");
        }
        var own = DeliberationAccess.ResidentIdsOf(actor).ToList();
        var mine = await participants.Where(id => own.Contains(id)).Select(id => (Guid?)id).FirstOrDefaultAsync(cancellationToken);
        return mine is { } found
            ? found
            : Error.Forbidden("not-a-resident", $"Your account is not a {body.MemberWord}.");
    }
}
