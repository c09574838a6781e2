using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>A proposal with its assembly and council: what arguing, amending and voting on it start from.</summary>
public sealed record ProposalScope(Proposal Proposal, AssemblyScope Assembly)
{
    public static async Task<Result<ProposalScope>> LoadAsync(IComunaDb db, Guid proposalId, CancellationToken cancellationToken)
    {
        var proposal = await db.Proposals.FirstOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null)
            return Error.NotFound("proposal", proposalId);
        var assembly = await AssemblyScope.LoadAsync(db, proposal.AssemblyId, cancellationToken);
        return assembly.IsSuccess ? new ProposalScope(proposal, assembly.Value) : assembly.Error;
    }

    public Error? UnlessInDebate() => Proposal.Status == ProposalStatus.Debate
        ? null
        : Error.Conflict("proposal-not-in-debate", "The proposal has gone to the vote; its debate is over.");
}
