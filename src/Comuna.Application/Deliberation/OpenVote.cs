using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>Opens a vote for ballots. From here its rules are frozen; it opens only in session and with quorum present.</summary>
public sealed class OpenVote(IComunaDb db, TimeProvider clock)
{
    public async Task<Result<Vote>> ExecuteAsync(Actor actor, Guid assemblyId, Guid voteId, CancellationToken cancellationToken)
    {
        var scope = await AssemblyScope.LoadAsync(db, assemblyId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        var (assembly, body) = scope.Value;
        if (!DeliberationAccess.CanRun(actor, body))
            return DeliberationAccess.Refusal(actor, body, assemblyId);
        var vote = await db.Votes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == voteId && v.AssemblyId == assemblyId, cancellationToken);
        if (vote is null)
            return Error.NotFound("vote", voteId);
        if (assembly.Status != AssemblyStatus.InSession)
            return Error.Conflict("assembly-not-in-session", "Votes open only while the assembly is in session.");
        var present = await AssemblyScope.PresentAsync(db, assemblyId, cancellationToken);
        if (!Quorum.IsMet(present, assembly.QuorumRequired ?? 0))
            return QuorumNotMet(present, assembly.QuorumRequired ?? 0);

        var now = clock.GetUtcNow().UtcDateTime;
        var opened = await db.Votes.Where(v => v.Id == voteId && v.Status == VoteStatus.Prepared)
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.Status, VoteStatus.Open).SetProperty(v => v.OpenedAtUtc, now), cancellationToken);
        if (opened == 0)
            return Error.Conflict("vote-not-prepared", "The vote is already open or closed.");
        vote.Status = VoteStatus.Open;
        vote.OpenedAtUtc = now;
        return vote;
    }

    public static Error QuorumNotMet(int present, int required) => Error.Conflict(
        "quorum-not-met", $"{present} present; the assembly decides only with {required} present.");
}
