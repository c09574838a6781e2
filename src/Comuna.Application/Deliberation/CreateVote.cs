using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;

namespace Comuna.Application.Deliberation;

/// <summary>A question for the assembly; an election also names its <paramref name="Post"/> and its <paramref name="Candidates"/>.</summary>
public sealed record VoteInput(
    string? Question, VoteKind? Kind, bool Secret, IReadOnlyList<string>? Options, Guid? AgendaItemId, MandateTerms? Mandate,
    ElectionPost? Post = null, IReadOnlyList<Guid>? Candidates = null);

/// <summary>Prepares a question for the assembly. Its rules can change until it opens, never after.</summary>
public sealed class CreateVote(IComunaDb db, TimeProvider clock)
{
    public const int MaxOptions = 40;

    public async Task<Result<Vote>> ExecuteAsync(Actor actor, Guid assemblyId, VoteInput input, CancellationToken cancellationToken)
    {
        var scope = await AssemblyScope.LoadAsync(db, assemblyId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        var (assembly, body) = scope.Value;
        if (!DeliberationAccess.CanRun(actor, body))
            return DeliberationAccess.Refusal(actor, body, assemblyId);
        if (assembly.Status == AssemblyStatus.Closed)
            return Error.Conflict("assembly-closed", "The assembly is closed; its minutes are written.");
        var question = input.Question?.Trim() ?? "";
        if (question.Length is 0 or > 500)
            return Error.Invalid("question", "The question is missing or longer than 500 characters.");
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
            return Error.Invalid("kind", "The kind of vote is missing: yes-no-abstain, approval or ranked.");
        if (input.AgendaItemId is { } itemId && assembly.Agenda.All(i => i.Id != itemId))
            return Error.Invalid("agendaItemId", "That agenda item is not on this assembly's agenda.");

        var options = (input.Options ?? []).Select(o => o?.Trim() ?? "").ToList();
        ElectionPost? post = null;
        List<Guid> candidates = [];
        if (kind == VoteKind.Election)
        {
            var ballot = await ElectionBallot.PrepareAsync(db, assembly, body, input, clock, cancellationToken);
            if (!ballot.IsSuccess)
                return ballot.Error;
            (post, candidates, options) = ballot.Value;
        }
        else if (input.Post is not null || input.Candidates is { Count: > 0 })
        {
            return Error.Invalid("candidates", "Only an election has a post and candidates.");
        }
        else if (kind == VoteKind.YesNoAbstain)
        {
            if (options.Count > 0)
                return Error.Invalid("options", "A yes/no/abstain vote has no options of its own.");
        }
        else
        {
            if (options.Count < 2 || options.Count > MaxOptions)
                return Error.Invalid("options", $"An approval or ranked vote needs 2 to {MaxOptions} options.");
            if (options.Any(o => o.Length is 0 or > 200 || o.Contains(BallotChoice.Separator, StringComparison.Ordinal)))
                return Error.Invalid("options", $"Each option needs a text of at most 200 characters, without '{BallotChoice.Separator}'.");
            if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
                return Error.Invalid("options", "Two options have the same text.");
        }
        if (input.Mandate is { } mandate)
        {
            var mandateError = MandateRules.Check(mandate, kind);
            if (mandateError is not null)
                return mandateError;
        }

        var vote = new Vote
        {
            Id = Guid.CreateVersion7(),
            AssemblyId = assemblyId,
            AgendaItemId = input.AgendaItemId,
            Question = question,
            Kind = kind,
            Secret = input.Secret,
            Options = options,
            Post = post,
            Candidates = candidates,
            Status = VoteStatus.Prepared,
            MandateIfApproved = input.Mandate,
        };
        db.Votes.Add(vote);
        await db.SaveChangesAsync(cancellationToken);
        return vote;
    }
}
