using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Registry;

/// <summary>
/// Who may stand for a council's post on a given day: a resident of its census, of voting age,
/// who sits in no other unit ("a person may stand for one unit only"). Recording an election's
/// result and putting candidates on an election's ballot ask the same question here.
/// </summary>
public static class SpokespersonRules
{
    public static async Task<Result<Resident>> CanStandAsync(
        IComunaDb db, CommunalCouncil council, Guid residentId, SpokespersonUnit unit, DateOnly day, string field, CancellationToken cancellationToken)
    {
        var resident = await db.Residents.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == residentId && r.Household!.CouncilId == council.Id, cancellationToken);
        if (resident is null)
            return new Error("resident-not-in-council", "The person is not in this council's census.", ErrorKind.Validation, field);
        var rules = RuleSets.Find(council.RuleSetId) ?? RuleSets.Default;
        if (!Eligibility.IsEligible(resident.BirthDate, day, rules.VotingAge))
            return new Error("not-eligible", $"Spokespeople are elected among residents aged {rules.VotingAge} or over.", ErrorKind.Validation, field);
        var sitting = await db.Spokespeople.AnyAsync(
            s => s.CouncilId == council.Id && s.ResidentId == resident.Id && s.TermEndsOn > day && s.Unit != unit, cancellationToken);
        if (sitting)
            return Error.Conflict("one-unit-only", "A person may stand for one unit only, and this one already sits in another.");
        return resident;
    }

    /// <summary>Whether a post is named whole: a unit, and for the executive unit its committee.</summary>
    public static Error? CheckPost(SpokespersonUnit? unit, string? committee, string prefix = "")
    {
        if (unit is not { } named || !Enum.IsDefined(named))
            return Error.Invalid(prefix + "unit", "The unit is missing: executive, finance-unit, social-oversight or electoral-commission.");
        if (named == SpokespersonUnit.Executive && string.IsNullOrWhiteSpace(committee))
            return Error.Invalid(prefix + "committee", "A spokesperson of the executive unit speaks for a work committee (health, food …).");
        if (committee?.Trim().Length > 80)
            return Error.Invalid(prefix + "committee", "A committee's name has at most 80 characters.");
        return null;
    }

    /// <summary>A committee's name as stored: trimmed, and only for the executive unit.</summary>
    public static string? Committee(SpokespersonUnit unit, string? committee) =>
        unit == SpokespersonUnit.Executive ? committee?.Trim() : null;
}
