using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Distribution;

/// <summary>
/// Who gets how many in a round, household by household, shown before anything is handed out:
/// each household's entitlement under the assembly's rule, its reasons for priority, and — when
/// the units that arrived do not cover every entitlement — its share under the round's rule
/// (priority first, then pro rata; <see cref="Domain.Distribution.Allocation"/>), with what it has
/// received so far. It names households and their health, so it is for those who read the census.
/// </summary>
public sealed class PreviewAllocation(IComunaDb db)
{
    /// <summary>Who gets how many, household by household: for those who read the council's census.</summary>
    public async Task<Result<AllocationView>> ExecuteAsync(Actor actor, Guid roundId, CancellationToken cancellationToken)
    {
        var scope = await RoundScope.LoadAsync(db, roundId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        if (!DistributionAccess.CanSeeHouseholds(actor, scope.Value.Council))
            return DistributionAccess.Refusal(actor, scope.Value.Council, "round", roundId);
        var lines = await scope.Value.AllocationAsync(db, cancellationToken);
        var delivered = await db.Deliveries.AsNoTracking().Where(d => d.RoundId == roundId)
            .ToDictionaryAsync(d => d.HouseholdId, d => d.Units, cancellationToken);
        var entitled = lines.Sum(l => l.Entitled);
        return new AllocationView(roundId, scope.Value.Round.UnitsArrived, entitled, entitled > scope.Value.Round.UnitsArrived,
            lines.Count, lines.Count(l => l.Priority), lines.Where(l => l.Priority).Sum(l => l.Allocated),
            lines.Select(l => new AllocationLineView(l.HouseholdId, l.Code, l.Members, PriorityReasonNames.Of(l.Reasons), l.Entitled, l.Allocated,
                delivered.TryGetValue(l.HouseholdId, out var u) ? u : null)).ToList());
    }
}
