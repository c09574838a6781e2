using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>
/// Ends a proposal's debate and prepares its yes/no/abstain vote, with the mandate it would give
/// if approved. The question carries the revision voted on, so nobody can swap the text afterwards.
/// </summary>
public sealed class PutProposalToVote(IComunaDb db, CreateVote createVote)
{
    public async Task<Result<Vote>> ExecuteAsync(Actor actor, Guid proposalId, PutToVoteInput input, CancellationToken cancellationToken)
    {
        var scope = await ProposalScope.LoadAsync(db, proposalId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        var (proposal, assembly) = scope.Value;
        if (!DeliberationAccess.CanRun(actor, assembly.Body))
            return DeliberationAccess.Refusal(actor, assembly.Body, assembly.Assembly.Id);
        if (scope.Value.UnlessInDebate() is { } closed)
            return closed;

        var question = $"{proposal.Title} (rev. {proposal.Revision}): {proposal.Text}";
        if (question.Length > 500)
            question = $"{proposal.Title} (rev. {proposal.Revision})";
        var vote = await createVote.ExecuteAsync(actor, assembly.Assembly.Id,
            new VoteInput(question, VoteKind.YesNoAbstain, input.Secret, null, proposal.AgendaItemId, input.Mandate), cancellationToken);
        if (!vote.IsSuccess)
            return vote.Error;
        var moved = await db.Proposals.Where(p => p.Id == proposalId && p.Status == ProposalStatus.Debate && p.Revision == proposal.Revision)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Status, ProposalStatus.UnderVote).SetProperty(p => p.VoteId, vote.Value.Id), cancellationToken);
        if (moved == 0)
        {
            // Amended or put to the vote by someone else meanwhile: the vote just prepared must not stand.
            await db.Votes.Where(v => v.Id == vote.Value.Id).ExecuteDeleteAsync(cancellationToken);
            return Error.Conflict("proposal-changed", "The proposal changed meanwhile; read it again.");
        }
        return vote.Value;
    }
}
