using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>Any resident of the council submits a proposal under an agenda item, before or during the assembly.</summary>
public sealed class SubmitProposal(IComunaDb db, TimeProvider clock)
{
    public async Task<Result<Proposal>> ExecuteAsync(Actor actor, Guid assemblyId, ProposalInput input, CancellationToken cancellationToken)
    {
        var scope = await AssemblyScope.LoadAsync(db, assemblyId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        var (assembly, body) = scope.Value;
        if (assembly.Status == AssemblyStatus.Closed)
            return Error.Conflict("assembly-closed", "The assembly is closed; bring the proposal to the next one.");
        var author = await Participants.ResolveAsync(db, actor, body, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), input.OnBehalfOf, cancellationToken);
        if (!author.IsSuccess)
            return author.Error;
        var item = input.AgendaItemId is { } itemId ? assembly.Agenda.FirstOrDefault(i => i.Id == itemId) : null;
        if (item is null)
            return Error.Invalid("agendaItemId", "Name the agenda item the proposal belongs to.");
        var title = ProposalRules.Title(input.Title);
        if (!title.IsSuccess)
            return title.Error;
        var text = ProposalRules.Body(input.Text);
        if (!text.IsSuccess)
            return text.Error;

        var position = await db.Proposals.CountAsync(p => p.AgendaItemId == item.Id, cancellationToken) + 1;
        var proposal = new Proposal
        {
            Id = Guid.CreateVersion7(),
            AssemblyId = assemblyId,
            AgendaItemId = item.Id,
            Position = position,
            Title = title.Value,
            Text = text.Value,
            AuthorResidentId = author.Value,
            SubmittedAtUtc = clock.GetUtcNow().UtcDateTime,
            Status = ProposalStatus.Debate,
        };
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        return proposal;
    }
}
