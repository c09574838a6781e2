using System.Linq.Expressions;
using Comuna.Application.Common;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Registry;

/// <summary>
/// Counts councils, families, residents and eligible voters grouped by any level of the
/// territory, in three grouped queries the database answers, whatever the level.
/// </summary>
public sealed class PopulationStatistics(IComunaDb db, TimeProvider clock)
{
    /// <summary>Counts per key, where <paramref name="councilKey"/> places a council in its group
    /// (its parish, its commune, itself …). Groups with no council are absent.</summary>
    public async Task<IReadOnlyDictionary<TKey, PopulationCounts>> ByAsync<TKey>(
        Expression<Func<CommunalCouncil, TKey>> councilKey,
        Expression<Func<CommunalCouncil, bool>>? filter,
        CancellationToken cancellationToken)
        where TKey : notnull
    {
        var councils = filter is null ? db.Councils : db.Councils.Where(filter);
        var cutoff = Eligibility.BornOnOrBefore(Today, RuleSets.Default.VotingAge);

        var councilCounts = await councils.GroupBy(councilKey)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var households = councils.SelectMany(c => c.Households);
        var familyCounts = await households
            .GroupBy(Compose<Household, TKey>(h => h.Council!, councilKey))
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var residentCounts = await households.SelectMany(h => h.Members)
            .GroupBy(Compose<Resident, TKey>(r => r.Household!.Council!, councilKey))
            .Select(g => new { g.Key, Count = g.Count(), Eligible = g.Sum(r => r.BirthDate <= cutoff ? 1 : 0) })
            .ToListAsync(cancellationToken);

        var result = councilCounts.ToDictionary(c => c.Key, c => PopulationCounts.Zero with { Councils = c.Count });
        foreach (var f in familyCounts)
            result[f.Key] = result.GetValueOrDefault(f.Key, PopulationCounts.Zero) with { Families = f.Count };
        foreach (var r in residentCounts)
            result[r.Key] = result.GetValueOrDefault(r.Key, PopulationCounts.Zero) with { Residents = r.Count, Eligible = r.Eligible };
        return result;
    }

    /// <summary>The counts of everything <paramref name="filter"/> selects, as one total.</summary>
    public async Task<PopulationCounts> TotalAsync(
        Expression<Func<CommunalCouncil, bool>>? filter, CancellationToken cancellationToken)
    {
        var byAll = await ByAsync(c => 1, filter, cancellationToken);
        return byAll.GetValueOrDefault(1, PopulationCounts.Zero);
    }

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Reaches a council from <typeparamref name="T"/> and applies the council key to it,
    /// as one expression the database can translate.</summary>
    private static Expression<Func<T, TKey>> Compose<T, TKey>(
        Expression<Func<T, CommunalCouncil>> toCouncil, Expression<Func<CommunalCouncil, TKey>> councilKey)
    {
        var body = new ReplaceParameter(councilKey.Parameters[0], toCouncil.Body).Visit(councilKey.Body);
        return Expression.Lambda<Func<T, TKey>>(body, toCouncil.Parameters);
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
