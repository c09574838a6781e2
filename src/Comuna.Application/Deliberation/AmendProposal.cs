using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>
/// Amends a proposal's text before the vote: its author, or the spokespeople recording what the
/// assembly agreed. Each amendment keeps the text before and after; the revision counter guards
/// against two amendments overwriting each other.
/// </summary>
public sealed class AmendProposal(IComunaDb db, TimeProvider clock)
{
    public async Task<Result<Proposal>> ExecuteAsync(Actor actor, Guid proposalId, AmendmentInput input, CancellationToken cancellationToken)
    {
        var scope = await ProposalScope.LoadAsync(db, proposalId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        var (proposal, assembly) = scope.Value;
        if (scope.Value.UnlessInDebate() is { } closed)
            return closed;
        var author = await Participants.ResolveAsync(db, actor, assembly.Body, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), input.OnBehalfOf, cancellationToken);
        if (!author.IsSuccess)
            return author.Error;
        if (author.Value != proposal.AuthorResidentId && !DeliberationAccess.CanRun(actor, assembly.Body))
            return Error.Forbidden("forbidden", "A proposal is amended by its author or by the spokespeople recording the assembly's agreement.");
        var text = ProposalRules.Body(input.Text);
        if (!text.IsSuccess)
            return text.Error;
        if (text.Value == proposal.Text)
            return proposal;

        var revision = proposal.Revision;
        var now = clock.GetUtcNow().UtcDateTime;
        var amended = await db.Proposals
            .Where(p => p.Id == proposalId && p.Revision == revision && p.Status == ProposalStatus.Debate)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Text, text.Value).SetProperty(p => p.Revision, revision + 1), cancellationToken);
        if (amended == 0)
            return Error.Conflict("proposal-changed", "The proposal changed meanwhile; read it again and amend its latest text.");
        db.ProposalAmendments.Add(new ProposalAmendment
        {
            Id = Guid.CreateVersion7(),
            ProposalId = proposalId,
            Revision = revision + 1,
            PreviousText = proposal.Text,
            NewText = text.Value,
            AuthorResidentId = author.Value,
            AmendedAtUtc = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return await db.Proposals.AsNoTracking().FirstAsync(p => p.Id == proposalId, cancellationToken);
    }
}
