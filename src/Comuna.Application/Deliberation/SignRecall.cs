using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>What a signature did: counted now or already there, and how the petition stands.</summary>
public sealed record SignatureOutcome(bool Created, int Signatures, int Required, RecallStatus Status);

/// <summary>
/// An eligible resident signs a recall petition, once (UNIQUE(petition, resident)). The signature
/// that reaches the rule set's share qualifies the petition for the assembly's agenda.
/// </summary>
public sealed class SignRecall(IComunaDb db, TimeProvider clock)
{
    public async Task<Result<SignatureOutcome>> ExecuteAsync(Actor actor, Guid petitionId, Guid? onBehalfOf, CancellationToken cancellationToken)
    {
        var petition = await db.RecallPetitions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == petitionId, cancellationToken);
        if (petition is null)
            return Error.NotFound("recall", petitionId);
        var council = await db.Councils.AsNoTracking().FirstAsync(c => c.Id == petition.CouncilId, cancellationToken);
        // Paper petitions are entered by the spokespeople or by social oversight, who receives them.
        var mayEnterPaper = DeliberationAccess.CanRun(actor, council) || RecallOversight.IsOversightOf(actor, council);
        var signer = await Participants.ResolveAsync(db, actor, council, onBehalfOf, cancellationToken, mayEnterPaper);
        if (!signer.IsSuccess)
            return signer.Error;
        if (petition.Status != RecallStatus.Collecting)
            return Error.Conflict("recall-not-collecting", "The petition no longer collects signatures.");
        var now = clock.GetUtcNow().UtcDateTime;
        var rules = RuleSets.Find(council.RuleSetId) ?? RuleSets.Default;
        var cutoff = Eligibility.BornOnOrBefore(DateOnly.FromDateTime(now), rules.VotingAge);
        if (!await db.Residents.AnyAsync(r => r.Id == signer.Value && r.BirthDate <= cutoff, cancellationToken))
            return new Error("not-eligible", $"Recall petitions are signed by residents aged {rules.VotingAge} or over.", ErrorKind.Validation, "residentId");

        var created = false;
        if (!await db.RecallSignatures.AnyAsync(s => s.PetitionId == petitionId && s.ResidentId == signer.Value, cancellationToken))
        {
            db.RecallSignatures.Add(new RecallSignature { Id = Guid.CreateVersion7(), PetitionId = petitionId, ResidentId = signer.Value, SignedAtUtc = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                created = true;
            }
            catch (DbUpdateException)
            {
                // The same person's other signature arrived first; one stands.
                db.ChangeTracker.Clear();
            }
        }
        var signatures = await db.RecallSignatures.CountAsync(s => s.PetitionId == petitionId, cancellationToken);
        var status = petition.Status;
        if (signatures >= petition.SignaturesRequired)
        {
            await db.RecallPetitions.Where(p => p.Id == petitionId && p.Status == RecallStatus.Collecting)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.Status, RecallStatus.Qualified), cancellationToken);
            status = RecallStatus.Qualified;
        }
        return new SignatureOutcome(created, signatures, petition.SignaturesRequired, status);
    }
}
