using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Distribution;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Distribution;

/// <summary>A round with its council, loaded once for the use cases that act on it.</summary>
public sealed record RoundScope(DistributionRound Round, CommunalCouncil Council)
{
    public static async Task<Result<RoundScope>> LoadAsync(IComunaDb db, Guid roundId, CancellationToken cancellationToken)
    {
        var found = await db.DistributionRounds.AsNoTracking().Where(r => r.Id == roundId)
            .Join(db.Councils.AsNoTracking(), r => r.CouncilId, c => c.Id, (r, c) => new { r, c })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? Error.NotFound("round", roundId) : new RoundScope(found.r, found.c);
    }

    /// <summary>The council's households as the round sees them on its first day: members, children
    /// under 5, people of 60 and over, and the health committee's flags then in force.</summary>
    public IQueryable<HouseholdNeeds> Needs(IComunaDb db, Guid? householdId = null)
    {
        var day = Round.StartsOn;
        var childBornAfter = day.AddYears(-EntitlementRule.ChildUnderAge);
        var elderBornOnOrBefore = day.AddYears(-EntitlementRule.ElderFromAge);
        var households = db.Households.AsNoTracking().Where(h => h.CouncilId == Council.Id);
        if (householdId is { } id)
            households = households.Where(h => h.Id == id);
        var flags = db.HealthFlags.Where(f => f.StartsOn <= day && (f.EndsOn == null || f.EndsOn >= day));
        return households.Select(h => new HouseholdNeeds(
            h.Id,
            h.Code,
            h.Members.Count(),
            h.Members.Count(r => r.BirthDate > childBornAfter),
            h.Members.Count(r => r.BirthDate <= elderBornOnOrBefore),
            h.Members.Count(r => flags.Any(f => f.ResidentId == r.Id && f.Kind == HealthFlagKind.Pregnant)),
            h.Members.Count(r => flags.Any(f => f.ResidentId == r.Id && f.Kind == HealthFlagKind.Malnutrition))));
    }

    /// <summary>The round's allocation over the whole council: what each household is entitled to and gets.</summary>
    public async Task<IReadOnlyList<AllocationLine>> AllocationAsync(IComunaDb db, CancellationToken cancellationToken) =>
        Allocation.Compute(Round.Rule, Round.UnitsArrived, await Needs(db).ToListAsync(cancellationToken));
}
