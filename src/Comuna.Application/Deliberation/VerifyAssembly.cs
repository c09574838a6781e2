using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>What a verification found: nothing (an empty list) when the record holds.</summary>
public sealed record VerificationReport(Guid AssemblyId, int VotesChecked, int BallotsChecked, IReadOnlyList<string> Differences)
{
    public bool Holds => Differences.Count == 0;
}

/// <summary>
/// Recomputes, from the stored log alone, every vote's hash chain and tally, compares them with
/// the counts and decisions recorded, and checks the minutes' checkpoint against their content.
/// Anyone with a copy of the database can run it (<c>comuna verify assembly ID</c>).
/// </summary>
public sealed class VerifyAssembly(IComunaDb db, VoteCounting counting, MinutesWriter writer)
{
    public async Task<Result<VerificationReport>> ExecuteAsync(Guid assemblyId, CancellationToken cancellationToken)
    {
        var scope = await AssemblyScope.LoadAsync(db, assemblyId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        var differences = new List<string>();
        var votes = await db.Votes.AsNoTracking().Where(v => v.AssemblyId == assemblyId).ToListAsync(cancellationToken);
        var ballots = 0;
        foreach (var vote in votes)
        {
            var entries = await db.VoteLog.AsNoTracking().Where(e => e.VoteId == vote.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
            ballots += entries.Count;
            if (VoteChain.FirstBroken(vote, entries) is { } broken)
                differences.Add($"Vote {vote.Id} ('{vote.Question}'): the log's hash chain breaks at entry {broken}.");
            if (entries.Count != vote.BallotCount)
                differences.Add($"Vote {vote.Id}: the log has {entries.Count} ballots, the vote counted {vote.BallotCount}.");
            var casts = await db.BallotCasts.CountAsync(b => b.VoteId == vote.Id, cancellationToken);
            if (casts != entries.Count)
                differences.Add($"Vote {vote.Id}: {casts} people are recorded as having voted, the log has {entries.Count} ballots.");
            if (vote.Status == VoteStatus.Closed)
            {
                var result = await counting.ResultAsync(vote, cancellationToken);
                var shouldDecide = result.QuorumMet && result.Passed;
                if (shouldDecide != (result.DecisionId is not null))
                    differences.Add($"Vote {vote.Id}: the recount says {(shouldDecide ? "a decision" : "no decision")}, the record says otherwise.");
            }
        }

        var minutes = await db.Minutes.AsNoTracking().FirstOrDefaultAsync(m => m.AssemblyId == assemblyId, cancellationToken);
        if (minutes is not null)
        {
            if (MinutesWriter.Checkpoint(minutes.PreviousCheckpoint, minutes.Content) != minutes.Checkpoint)
                differences.Add("The minutes' checkpoint does not match their content: the minutes were changed after they were written.");
            var recorded = System.Text.Json.JsonSerializer.Deserialize<MinutesContent>(minutes.Content, MinutesWriter.Canonical);
            var recomposed = System.Text.Json.JsonSerializer.Serialize(
                await writer.ComposeAsync(scope.Value, minutes.WrittenAtUtc, cancellationToken, recorded?.Books?.ToSequence), MinutesWriter.Canonical);
            if (recomposed != minutes.Content)
                differences.Add("The minutes no longer match the assembly's record (attendance, votes, decisions or the books' postings they record changed after closing).");
        }
        return new VerificationReport(assemblyId, votes.Count, ballots, differences);
    }
}
