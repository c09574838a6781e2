using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Application.Deliberation;

/// <summary>A ballot that passed every check and waits to be written: who (for UNIQUE(vote, voter)) and what (for the log).</summary>
public sealed record PendingBallot(Vote Vote, Guid VoterId, BallotChannel Channel, string Choice, string Receipt, string? EnteredBy);

/// <summary>
/// Writes the ballots that arrive together — when a vote opens, thousands do — in one transaction
/// per batch (<see cref="GroupCommit{TRequest, TOutcome}"/>). For each vote in the batch it raises
/// the ballot count once, which takes the vote's row lock, then chains the batch's entries in
/// arrival order after the last one written: the same chain, UNIQUE(vote, voter) and log as one
/// ballot per transaction, with one commit (and on SQLite one disk flush) for the whole crowd.
/// </summary>
public sealed class BallotBatcher(IServiceScopeFactory scopes) : GroupCommit<PendingBallot, Result<string>>(scopes)
{
    /// <summary>Writes <paramref name="ballot"/>; its receipt once committed, or why it was not counted.</summary>
    public Task<Result<string>> CastAsync(PendingBallot ballot) => SubmitAsync(ballot);

    protected override IReadOnlyList<Result<string>> WriteBatch(IServiceProvider services, IReadOnlyList<PendingBallot> ballots)
    {
        var db = services.GetRequiredService<IComunaDb>();
        var outcomes = new Result<string>[ballots.Count];
        using var transaction = db.Database.BeginTransaction();
        foreach (var group in ballots.Select((b, i) => (Ballot: b, Index: i)).GroupBy(x => x.Ballot.Vote.Id))
        {
            var voteId = group.Key;
            var voters = group.Select(x => x.Ballot.VoterId).Distinct().ToList();
            var voted = db.BallotCasts.Where(b => b.VoteId == voteId && voters.Contains(b.ResidentId)).Select(b => b.ResidentId).ToHashSet();
            // A voter whose ballot is already written, or who sent two in this batch, votes once: the first stands.
            var accepted = new List<(PendingBallot Ballot, int Index)>();
            foreach (var x in group)
            {
                if (voted.Add(x.Ballot.VoterId))
                    accepted.Add(x);
                else
                    outcomes[x.Index] = CastBallot.AlreadyVoted();
            }
            if (accepted.Count == 0)
                continue;
            var counted = db.Votes.Where(v => v.Id == voteId && v.Status == VoteStatus.Open)
                .ExecuteUpdate(set => set.SetProperty(v => v.BallotCount, v => v.BallotCount + accepted.Count));
            if (counted == 0)
            {
                foreach (var x in accepted)
                    outcomes[x.Index] = Error.Conflict("vote-not-open", "The vote closed before this ballot arrived.");
                continue;
            }
            var first = db.Votes.Where(v => v.Id == voteId).Select(v => v.BallotCount).Single() - accepted.Count + 1;
            var previous = first == 1
                ? VoteChain.Genesis(group.First().Ballot.Vote)
                : db.VoteLog.Where(e => e.VoteId == voteId && e.Sequence == first - 1).Select(e => e.Hash).FirstOrDefault()
                    ?? throw new InvalidOperationException($"Vote {voteId} counts {first - 1} ballots but its log has no entry {first - 1}.");
            var sequence = first;
            foreach (var (ballot, index) in accepted)
            {
                // Random ids and no time on either row: nothing links a secret ballot's voter to its entry.
                db.BallotCasts.Add(new BallotCast
                {
                    Id = Guid.NewGuid(),
                    VoteId = voteId,
                    ResidentId = ballot.VoterId,
                    Channel = ballot.Channel,
                    OpenChoice = ballot.Vote.Secret ? null : ballot.Choice,
                    EnteredBy = ballot.EnteredBy,
                });
                var hash = VoteChain.Link(voteId, sequence, ballot.Receipt, ballot.Choice, previous);
                db.VoteLog.Add(new VoteLogEntry
                {
                    Id = Guid.NewGuid(),
                    VoteId = voteId,
                    Sequence = sequence,
                    Receipt = ballot.Receipt,
                    Choice = ballot.Choice,
                    PreviousHash = previous,
                    Hash = hash,
                });
                outcomes[index] = ballot.Receipt;
                previous = hash;
                sequence++;
            }
        }
        db.SaveChanges();
        transaction.Commit();
        return outcomes;
    }
}
