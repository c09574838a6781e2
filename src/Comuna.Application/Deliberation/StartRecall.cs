using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

public sealed record RecallInput(Guid SpokespersonId, string? Reason, Guid? OnBehalfOf);

/// <summary>
/// Starts the recall of a sitting spokesperson. A resident who starts it signs it first; social
/// oversight may raise it alone, and then it goes straight to the assembly.
/// </summary>
public sealed class StartRecall(IComunaDb db, TimeProvider clock)
{
    public async Task<Result<RecallPetition>> ExecuteAsync(Actor actor, Guid councilId, RecallInput input, CancellationToken cancellationToken)
    {
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == councilId, cancellationToken);
        if (council is null)
            return Error.NotFound("council", councilId);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var spokesperson = await db.Spokespeople.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == input.SpokespersonId && s.CouncilId == councilId, cancellationToken);
        if (spokesperson is null || spokesperson.TermEndsOn <= today)
            return new Error("spokesperson-not-in-office", "No sitting spokesperson of this council has that id.", ErrorKind.Validation, "spokespersonId");
        var reason = ProposalRules.Text("reason", input.Reason, 4_000);
        if (!reason.IsSuccess)
            return reason.Error;
        if (await db.RecallPetitions.AnyAsync(p => p.SpokespersonId == spokesperson.Id
                && (p.Status == RecallStatus.Collecting || p.Status == RecallStatus.Qualified || p.Status == RecallStatus.OnAgenda), cancellationToken))
            return Error.Conflict("recall-already-open", "A recall of this spokesperson is already under way: sign that one.");

        var byOversight = input.OnBehalfOf is null && RecallOversight.IsOversightOf(actor, council);
        Guid? firstSigner = null;
        if (!byOversight)
        {
            var signer = await Participants.ResolveAsync(db, actor, council, input.OnBehalfOf, cancellationToken);
            if (!signer.IsSuccess)
                return signer.Error;
            firstSigner = signer.Value;
        }

        var rules = RuleSets.Find(council.RuleSetId) ?? RuleSets.Default;
        var cutoff = Eligibility.BornOnOrBefore(today, rules.VotingAge);
        if (firstSigner is { } signerId && !await db.Residents.AnyAsync(r => r.Id == signerId && r.BirthDate <= cutoff, cancellationToken))
            return new Error("not-eligible", $"Recall petitions are signed by residents aged {rules.VotingAge} or over.", ErrorKind.Validation, "residentId");
        var eligible = await db.Residents.CountAsync(r => r.Household!.CouncilId == councilId && r.BirthDate <= cutoff, cancellationToken);
        var petition = new RecallPetition
        {
            Id = Guid.CreateVersion7(),
            CouncilId = councilId,
            SpokespersonId = spokesperson.Id,
            Reason = reason.Value,
            RaisedByOversight = byOversight,
            OpenedAtUtc = now,
            SignaturesRequired = (int)Math.Ceiling(eligible * rules.RecallPetitionShare),
            OversightReportDueOn = today.AddDays(rules.RecallReportDays),
            Status = byOversight ? RecallStatus.Qualified : RecallStatus.Collecting,
        };
        db.RecallPetitions.Add(petition);
        if (firstSigner is { } first)
            db.RecallSignatures.Add(new RecallSignature { Id = Guid.CreateVersion7(), PetitionId = petition.Id, ResidentId = first, SignedAtUtc = now });
        await db.SaveChangesAsync(cancellationToken);
        return petition;
    }
}
