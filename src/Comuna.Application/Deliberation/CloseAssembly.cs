using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>Ends the session: closes any vote still open, then writes the minutes with their checkpoint.</summary>
public sealed class CloseAssembly(IComunaDb db, VoteCounting counting, MinutesWriter minutes, TimeProvider clock)
{
    public async Task<Result<Minutes>> ExecuteAsync(Actor actor, Guid assemblyId, CancellationToken cancellationToken)
    {
        var scope = await AssemblyScope.LoadAsync(db, assemblyId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        if (!DeliberationAccess.CanRun(actor, scope.Value.Body))
            return DeliberationAccess.Refusal(actor, scope.Value.Body, assemblyId);
        if (scope.Value.Assembly.Status != AssemblyStatus.InSession)
            return Error.Conflict("assembly-not-in-session", "Only an assembly in session closes.");

        var openVotes = await db.Votes.Where(v => v.AssemblyId == assemblyId && v.Status == VoteStatus.Open).Select(v => v.Id).ToListAsync(cancellationToken);
        foreach (var voteId in openVotes)
            await counting.CloseAsync(scope.Value, voteId, cancellationToken);

        var now = StoredTime.Of(clock.GetUtcNow().UtcDateTime);
        var closed = await db.Assemblies.Where(a => a.Id == assemblyId && a.Status == AssemblyStatus.InSession)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, AssemblyStatus.Closed).SetProperty(a => a.ClosedAtUtc, now), cancellationToken);
        if (closed == 0)
            return Error.Conflict("assembly-not-in-session", "The assembly was closed meanwhile.");
        return await minutes.WriteAsync(scope.Value, now, cancellationToken);
    }
}
