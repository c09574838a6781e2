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
        if (SpokespersonRules.CheckPost(input.Unit, input.Committee) is { } postError)
            return postError;
        var unit = input.Unit!.Value;
        var committee = input.Committee;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var electedOn = input.ElectedOn ?? today;
        if (electedOn > today)
            return Error.Invalid("electedOn", $"The election date {electedOn:yyyy-MM-dd} is in the future.");

        var resident = await SpokespersonRules.CanStandAsync(db, council, input.ResidentId, unit, electedOn, "residentId", cancellationToken);
        if (!resident.IsSuccess)
            return resident.Error;
        var rules = RuleSets.Find(council.RuleSetId) ?? RuleSets.Default;

        var spokesperson = new Spokesperson
        {
            Id = Guid.CreateVersion7(),
            CouncilId = councilId,
            ResidentId = resident.Value.Id,
            Unit = unit,
            Committee = SpokespersonRules.Committee(unit, committee),
            ElectedOn = electedOn,
            TermEndsOn = rules.TermEnd(electedOn),
        };
        db.Spokespeople.Add(spokesperson);
        await db.SaveChangesAsync(cancellationToken);
        return spokesperson;
    }
}
