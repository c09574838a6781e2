using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;

namespace Comuna.Application.Deliberation;

/// <summary>Closes a vote: no more ballots; the count becomes the assembly's decision if it passed with quorum.</summary>
public sealed class CloseVote(IComunaDb db, VoteCounting counting)
{
    public async Task<Result<VoteResult>> ExecuteAsync(Actor actor, Guid assemblyId, Guid voteId, CancellationToken cancellationToken)
    {
        var scope = await AssemblyScope.LoadAsync(db, assemblyId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        if (!DeliberationAccess.CanRun(actor, scope.Value.Body))
            return DeliberationAccess.Refusal(actor, scope.Value.Body, assemblyId);
        return await counting.CloseAsync(scope.Value, voteId, cancellationToken);
    }
}
