using Comuna.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.FoodPlan;

/// <summary>A quantity of one product a plan moves, named as the plan's inputs name it.</summary>
public sealed record PlannedAmount(string ProductName, string Unit, double Quantity);

/// <summary>One published plan as a commune's page tells it: what it has the commune send, and what it delivers to it.</summary>
public sealed record CommunePlanLine(string PlanId, DateTime PublishedAtUtc, IReadOnlyList<PlannedAmount> Sends, IReadOnlyList<PlannedAmount> Receives);

/// <summary>
/// The published food plans a commune takes part in, sending or receiving: what its page shows,
/// so that a producing commune finds what to load and a receiving one what to expect, with the
/// way to its own delivery orders. Published plans are public, so this is too. A plan's places
/// are communes by their code, as the needs from the census make them.
/// </summary>
public sealed class CommunePlans(IComunaDb db)
{
    /// <summary>How many published plans, newest first, a commune's page shows.</summary>
    public const int Plans = 5;

    public async Task<IReadOnlyList<CommunePlanLine>> PublishedAsync(string communeCode, CancellationToken cancellationToken)
    {
        var plans = await db.SavedPlans.AsNoTracking()
            .Where(p => p.PublishedAtUtc != null
                && (db.PlanDispatches.Any(d => d.PlanId == p.Id && d.Place == communeCode)
                    || db.PlanDeliveries.Any(d => d.PlanId == p.Id && d.Place == communeCode)))
            .OrderByDescending(p => p.PublishedAtUtc)
            .Take(Plans)
            .Select(p => new { p.Id, PublishedAtUtc = p.PublishedAtUtc!.Value })
            .ToListAsync(cancellationToken);
        if (plans.Count == 0)
            return [];
        var ids = plans.Select(p => p.Id).ToList();
        var sent = await db.PlanDispatches.AsNoTracking().Where(d => d.Place == communeCode && ids.Contains(d.PlanId))
            .Select(d => new { d.PlanId, Amount = new PlannedAmount(d.ProductName, d.Unit, d.Quantity) }).ToListAsync(cancellationToken);
        var received = await db.PlanDeliveries.AsNoTracking().Where(d => d.Place == communeCode && ids.Contains(d.PlanId))
            .Select(d => new { d.PlanId, Amount = new PlannedAmount(d.ProductName, d.Unit, d.Quantity) }).ToListAsync(cancellationToken);
        return [.. plans.Select(p => new CommunePlanLine(p.Id, p.PublishedAtUtc,
            [.. sent.Where(s => s.PlanId == p.Id).Select(s => s.Amount).OrderBy(a => a.ProductName, StringComparer.CurrentCulture)],
            [.. received.Where(r => r.PlanId == p.Id).Select(r => r.Amount).OrderBy(a => a.ProductName, StringComparer.CurrentCulture)]))];
    }
}
