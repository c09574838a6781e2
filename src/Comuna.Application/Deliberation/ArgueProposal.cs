using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;

namespace Comuna.Application.Deliberation;

/// <summary>A resident adds an argument for or against a proposal while it is in debate.</summary>
public sealed class ArgueProposal(IComunaDb db, TimeProvider clock)
{
    public async Task<Result<ProposalArgument>> ExecuteAsync(Actor actor, Guid proposalId, ArgumentInput input, CancellationToken cancellationToken)
    {
        var scope = await ProposalScope.LoadAsync(db, proposalId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        if (scope.Value.UnlessInDebate() is { } closed)
            return closed;
        var author = await Participants.ResolveAsync(db, actor, scope.Value.Assembly.Body, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), input.OnBehalfOf, cancellationToken);
        if (!author.IsSuccess)
            return author.Error;
        if (input.Side is not { } side || !Enum.IsDefined(side))
            return Error.Invalid("side", "Say whether the argument is for or against.");
        var text = ProposalRules.Text("text", input.Text, 4_000);
        if (!text.IsSuccess)
            return text.Error;

        var argument = new ProposalArgument
        {
            Id = Guid.CreateVersion7(),
            ProposalId = proposalId,
            AuthorResidentId = author.Value,
            Side = side,
            Text = text.Value,
            WrittenAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ProposalArguments.Add(argument);
        await db.SaveChangesAsync(cancellationToken);
        return argument;
    }
}
