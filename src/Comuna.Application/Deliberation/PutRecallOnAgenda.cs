using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>
/// Puts a qualified recall on the agenda of one of the council's assemblies, with its secret
/// yes/no vote prepared. If the assembly approves it with quorum, the spokesperson's term ends.
/// </summary>
public sealed class PutRecallOnAgenda(IComunaDb db, CreateVote createVote)
{
    public async Task<Result<Vote>> ExecuteAsync(Actor actor, Guid petitionId, Guid assemblyId, CancellationToken cancellationToken)
    {
        var petition = await db.RecallPetitions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == petitionId, cancellationToken);
        if (petition is null)
            return Error.NotFound("recall", petitionId);
        var scope = await AssemblyScope.LoadAsync(db, assemblyId, cancellationToken);
        if (!scope.IsSuccess || scope.Value.Body.CouncilId != petition.CouncilId)
            return Error.NotFound("assembly", assemblyId);
        if (!DeliberationAccess.CanRun(actor, scope.Value.Body))
            return DeliberationAccess.Refusal(actor, scope.Value.Body, assemblyId);
        if (petition.Status != RecallStatus.Qualified)
            return Error.Conflict("recall-not-qualified", "Only a petition with enough signatures, or raised by social oversight, goes to the assembly.");
        if (scope.Value.Assembly.Status == AssemblyStatus.Closed)
            return Error.Conflict("assembly-closed", "The assembly is closed.");

        var name = await db.Spokespeople.Where(s => s.Id == petition.SpokespersonId)
            .Select(s => s.Resident!.FirstNames + " " + s.Resident.LastNames).SingleAsync(cancellationToken);
        var position = scope.Value.Assembly.Agenda.Count == 0 ? 1 : scope.Value.Assembly.Agenda.Max(i => i.Position) + 1;
        var item = new AgendaItem { Id = Guid.CreateVersion7(), AssemblyId = assemblyId, Position = position, Title = $"Revocatoria del mandato de {name}" };
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        var vote = await createVote.ExecuteAsync(actor, assemblyId,
            new VoteInput($"¿Se revoca el mandato de {name}?", VoteKind.YesNoAbstain, Secret: true, null, item.Id, null), cancellationToken);
        if (!vote.IsSuccess)
            return vote.Error;
        var moved = await db.RecallPetitions.Where(p => p.Id == petitionId && p.Status == RecallStatus.Qualified)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Status, RecallStatus.OnAgenda)
                .SetProperty(p => p.AssemblyId, assemblyId).SetProperty(p => p.VoteId, vote.Value.Id), cancellationToken);
        return moved == 1 ? vote.Value : Error.Conflict("recall-not-qualified", "The petition was put on an agenda meanwhile.");
    }
}
