using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>
/// Closes a vote and turns its count into a decision. A yes/no question passes with more yes
/// votes than half of those present; approval and ranked votes decide their order; an election
/// seats the candidate with the most votes (a tie seats nobody). Without quorum
/// at the close there is no decision at all: "no assembly without quorum records a decision".
/// </summary>
public sealed class VoteCounting(IComunaDb db, TimeProvider clock, SeatElected seatElected)
{
    public async Task<Result<VoteResult>> CloseAsync(AssemblyScope scope, Guid voteId, CancellationToken cancellationToken)
    {
        var assemblyId = scope.Assembly.Id;
        var vote = await db.Votes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == voteId && v.AssemblyId == assemblyId, cancellationToken);
        if (vote is null)
            return Error.NotFound("vote", voteId);
        var present = await AssemblyScope.PresentAsync(db, assemblyId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var closed = await db.Votes.Where(v => v.Id == voteId && v.Status == VoteStatus.Open)
            .ExecuteUpdateAsync(set => set
                .SetProperty(v => v.Status, VoteStatus.Closed)
                .SetProperty(v => v.ClosedAtUtc, now)
                .SetProperty(v => v.PresentAtClose, present), cancellationToken);
        if (closed == 0)
            return Error.Conflict("vote-not-open", "Only an open vote closes.");
        vote.Status = VoteStatus.Closed;
        vote.ClosedAtUtc = now;
        vote.PresentAtClose = present;

        var result = await ResultAsync(vote, cancellationToken);
        var decides = result.QuorumMet && result.Passed;
        await db.Proposals.Where(p => p.VoteId == vote.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Status, decides ? ProposalStatus.Approved : ProposalStatus.Rejected), cancellationToken);
        await SettleRecallAsync(vote.Id, decides, now, cancellationToken);
        if (!decides)
            return result;
        string? seated = null;
        if (vote.Kind == VoteKind.Election && scope.Body.CouncilId is { } councilId)
            seated = await seatElected.SeatAsync(vote, councilId, result.Tally.SoleLeader!, DateOnly.FromDateTime(now), cancellationToken);
        var decision = new Decision
        {
            Id = Guid.CreateVersion7(),
            AssemblyId = assemblyId,
            VoteId = vote.Id,
            DecidedAtUtc = now,
            CouncilId = scope.Body.CouncilId,
            CommuneId = scope.Body.CommuneId,
            Text = vote.Kind switch
            {
                VoteKind.YesNoAbstain => vote.Question,
                VoteKind.Election => $"{vote.Question}: {result.Tally.SoleLeader}",
                _ => $"{vote.Question}: {string.Join(" › ", result.Tally.Ranking)}",
            },
            MandatePurpose = vote.Post is { } post ? $"Vocería de {SeatElected.PostName(post)}" : vote.MandateIfApproved?.Purpose,
            MandateAmountMinor = vote.MandateIfApproved?.AmountMinor,
            MandateCurrency = vote.MandateIfApproved?.Currency,
            // An election's decision carries what it does: who takes the post, until when.
            MandateAction = seated ?? vote.MandateIfApproved?.Action,
        };
        db.Decisions.Add(decision);
        await db.SaveChangesAsync(cancellationToken);
        return result with { DecisionId = decision.Id };
    }

    /// <summary>A recall vote that passes ends the spokesperson's term on the day of the decision.</summary>
    private async Task SettleRecallAsync(Guid voteId, bool recalled, DateTime now, CancellationToken cancellationToken)
    {
        var petition = await db.RecallPetitions.AsNoTracking().FirstOrDefaultAsync(p => p.VoteId == voteId, cancellationToken);
        if (petition is null)
            return;
        await db.RecallPetitions.Where(p => p.Id == petition.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Status, recalled ? RecallStatus.Recalled : RecallStatus.Kept), cancellationToken);
        if (recalled)
        {
            var today = DateOnly.FromDateTime(now);
            await db.Spokespeople.Where(s => s.Id == petition.SpokespersonId)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.TermEndsOn, today), cancellationToken);
        }
    }

    /// <summary>The result of a vote from its log as it stands; for a closed vote, with its decision.</summary>
    public async Task<VoteResult> ResultAsync(Vote vote, CancellationToken cancellationToken)
    {
        var choices = await db.VoteLog.AsNoTracking().Where(e => e.VoteId == vote.Id).OrderBy(e => e.Sequence)
            .Select(e => e.Choice).ToListAsync(cancellationToken);
        var tally = Tally.Count(vote, choices);
        var assembly = await db.Assemblies.AsNoTracking().FirstAsync(a => a.Id == vote.AssemblyId, cancellationToken);
        var present = vote.PresentAtClose ?? await AssemblyScope.PresentAsync(db, vote.AssemblyId, cancellationToken);
        var quorumMet = Quorum.IsMet(present, assembly.QuorumRequired ?? 0);
        var passed = vote.Kind switch
        {
            VoteKind.YesNoAbstain => tally.Counts["yes"] * 2 > present,
            VoteKind.Election => tally.SoleLeader is not null,
            _ => tally.Ballots > 0,
        };
        var decisionId = await db.Decisions.Where(d => d.VoteId == vote.Id).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
        return new VoteResult(vote, tally, present, quorumMet, passed, decisionId);
    }
}
