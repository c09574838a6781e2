using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Registry;

public sealed record SpokespersonInput(Guid ResidentId, SpokespersonUnit? Unit, string? Committee, DateOnly? ElectedOn);

/// <summary>
/// Records the result of a spokesperson's election: an eligible resident of the council, for one
/// unit only, with the term end the council's rule set gives (2 years under LOCC-2009, 3 under
/// LOCC-2023).
/// </summary>
public sealed class RecordSpokesperson(IComunaDb db, TimeProvider clock)
{
    public async Task<Result<Spokesperson>> ExecuteAsync(
        Actor actor, Guid councilId, SpokespersonInput input, CancellationToken cancellationToken)
    {
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == councilId, cancellationToken);
        if (council is null)
            return Error.NotFound("council", councilId);
        if (!RegistryAccess.CanEditCouncil(actor, council))
            return RegistryAccess.Refusal(actor, council);
        if (input.Unit is not { } unit || !Enum.IsDefined(unit))
            return Error.Invalid("unit", "The unit is missing: executive, finance-unit, social-oversight or electoral-commission.");
        var committee = input.Committee?.Trim();
        if (unit == SpokespersonUnit.Executive && string.IsNullOrEmpty(committee))
            return Error.Invalid("committee", "A spokesperson of the executive unit speaks for a work committee (health, food …).");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var electedOn = input.ElectedOn ?? today;
        if (electedOn > today)
            return Error.Invalid("electedOn", $"The election date {electedOn:yyyy-MM-dd} is in the future.");

        var resident = await db.Residents.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == input.ResidentId && r.Household!.CouncilId == councilId, cancellationToken);
        if (resident is null)
            return new Error("resident-not-in-council", "The person is not in this council's census.", ErrorKind.Validation, "residentId");
        var rules = RuleSets.Find(council.RuleSetId) ?? RuleSets.Default;
        if (!Eligibility.IsEligible(resident.BirthDate, electedOn, rules.VotingAge))
            return new Error("not-eligible", $"Spokespeople are elected among residents aged {rules.VotingAge} or over.", ErrorKind.Validation, "residentId");
        var sitting = await db.Spokespeople.AnyAsync(
            s => s.CouncilId == councilId && s.ResidentId == resident.Id && s.TermEndsOn > electedOn && s.Unit != unit, cancellationToken);
        if (sitting)
            return Error.Conflict("one-unit-only", "A person may stand for one unit only, and this one already sits in another.");

        var spokesperson = new Spokesperson
        {
            Id = Guid.CreateVersion7(),
            CouncilId = councilId,
            ResidentId = resident.Id,
            Unit = unit,
            Committee = unit == SpokespersonUnit.Executive ? committee : null,
            ElectedOn = electedOn,
            TermEndsOn = rules.TermEnd(electedOn),
        };
        db.Spokespeople.Add(spokesperson);
        await db.SaveChangesAsync(cancellationToken);
        return spokesperson;
    }
}
