using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>
/// Casts one ballot. Only residents checked in to this assembly vote, once each, while quorum is
/// present. The ballot's "who" (UNIQUE per vote and voter) and its "what" (the anonymous log
/// entry with a receipt, chained to the previous entry) are written together by the
/// <see cref="BallotBatcher"/>, in one transaction with the other ballots that arrived meanwhile.
/// </summary>
public sealed class CastBallot(IComunaDb db, BallotBatcher batcher)
{
    public async Task<Result<string>> ExecuteAsync(
        Actor actor, Guid assemblyId, Guid voteId, BallotInput input, CancellationToken cancellationToken)
    {
        // One connection for every statement of this ballot: otherwise each query opens and closes
        // one, which on SQLite reruns the connection's pragmas and on PostgreSQL resets the session.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await CastAsync(actor, assemblyId, voteId, input, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Result<string>> CastAsync(
        Actor actor, Guid assemblyId, Guid voteId, BallotInput input, CancellationToken cancellationToken)
    {
        var scope = await AssemblyScope.LoadAsync(db, assemblyId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        var (assembly, body) = scope.Value;
        var vote = await db.Votes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == voteId && v.AssemblyId == assemblyId, cancellationToken);
        if (vote is null)
            return Error.NotFound("vote", voteId);

        var voter = await VoterAsync(actor, body, DateOnly.FromDateTime(assembly.OpenedAtUtc ?? DateTime.UnixEpoch), input, cancellationToken);
        if (!voter.IsSuccess)
            return voter.Error;
        if (vote.Status != VoteStatus.Open)
            return Error.Conflict("vote-not-open", "The vote is not open for ballots.");
        // Voted already, checked in, how many present: one round trip, answered in that order below.
        var voterId = voter.Value;
        var standing = await db.Votes.Where(v => v.Id == voteId)
            .Select(v => new
            {
                Voted = db.BallotCasts.Any(b => b.VoteId == voteId && b.ResidentId == voterId),
                CheckedIn = db.Attendances.Any(a => a.AssemblyId == assemblyId && a.ResidentId == voterId),
                Present = db.Attendances.Count(a => a.AssemblyId == assemblyId),
            })
            .SingleAsync(cancellationToken);
        if (standing.Voted)
            return AlreadyVoted();
        if (!standing.CheckedIn)
            return Error.Forbidden("not-present", "Only residents checked in to this assembly vote in it.");
        if (!Quorum.IsMet(standing.Present, assembly.QuorumRequired ?? 0))
            return OpenVote.QuorumNotMet(standing.Present, assembly.QuorumRequired ?? 0);
        var choice = BallotChoice.Normalize(vote, input.Choice, input.Choices);
        if (!choice.IsSuccess)
            return choice.Error;

        var pending = new PendingBallot(vote, voterId, input.Channel, choice.Value, Receipts.New(),
            input.Channel == BallotChannel.Paper ? actor.UserId : null);
        try
        {
            return await batcher.CastAsync(pending);
        }
        catch (DbUpdateException)
        {
            // The same voter's ballot, sent to another server, won the race: UNIQUE(vote, resident)
            // refused this one. Any other failure is not "already voted" and must not be reported as such.
            if (await db.BallotCasts.AnyAsync(b => b.VoteId == voteId && b.ResidentId == voterId, cancellationToken))
                return AlreadyVoted();
            throw;
        }
    }

    /// <summary>The voter: a spokesperson enters paper ballots for others; anyone else votes as themselves.</summary>
    private async Task<Result<Guid>> VoterAsync(Actor actor, AssemblyBody body, DateOnly day, BallotInput input, CancellationToken cancellationToken)
    {
        if (input.ResidentId is not null && input.Channel != BallotChannel.Paper)
            return Error.Invalid("channel", "A ballot entered for someone else is a paper ballot: send \"channel\": \"paper\".");
        var voter = await Participants.ResolveAsync(db, actor, body, day, input.ResidentId, cancellationToken);
        if (!voter.IsSuccess && voter.Error.Code == "not-a-resident")
            return Error.Forbidden("not-present", $"Your account is not a {body.MemberWord} checked in to the assembly.");
        return voter;
    }

    internal static Error AlreadyVoted() => Error.Conflict("already-voted", "This person has already voted in this vote.");
}
