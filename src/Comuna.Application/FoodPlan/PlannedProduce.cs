using Comuna.Application.Common;
using Comuna.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.FoodPlan;

/// <summary>
/// One product a published plan delivers to a council's commune, and the council's share of it.
/// </summary>
/// <param name="CommuneQuantity">What the plan delivers to the whole commune.</param>
/// <param name="CouncilFamilies">The council's families (its census, or what it declared while that is empty).</param>
/// <param name="CommuneFamilies">The families of all the commune's councils, counted the same way.</param>
/// <param name="Units">The council's share in whole units, rounded down so that the shares never add up to more than arrives.</param>
/// <param name="RoundId">The council's round of this product of the plan, once it has opened it (one at most).</param>
public sealed record PlannedProduceLine(
    string PlanId, DateTime PublishedAtUtc, string Product, string ProductName, string Unit,
    double CommuneQuantity, int CouncilFamilies, int CommuneFamilies, int Units, Guid? RoundId = null);

/// <summary>
/// What the published food plans send to a council's commune, shared among the commune's councils
/// by their families: the produce a council opens a round of produce from. A plan's places are
/// communes by their code, as the needs from the census make them.
/// </summary>
public sealed class PlannedProduce(IComunaDb db)
{
    /// <summary>How many published plans, newest first, a council is offered.</summary>
    public const int Plans = 5;

    /// <summary>The produce of the newest published plans for <paramref name="councilId"/>; empty for a council outside any commune.</summary>
    public Task<Result<IReadOnlyList<PlannedProduceLine>>> ForCouncilAsync(Guid councilId, CancellationToken cancellationToken) =>
        LinesAsync(councilId, null, cancellationToken);

    /// <summary>The produce of the one published plan <paramref name="planId"/> for <paramref name="councilId"/>.</summary>
    public Task<Result<IReadOnlyList<PlannedProduceLine>>> OfPlanAsync(Guid councilId, string planId, CancellationToken cancellationToken) =>
        LinesAsync(councilId, planId, cancellationToken);

    private async Task<Result<IReadOnlyList<PlannedProduceLine>>> LinesAsync(Guid councilId, string? planId, CancellationToken cancellationToken)
    {
        var council = await db.Councils.AsNoTracking().Where(k => k.Id == councilId)
            .Select(k => new { k.CommuneId, Code = k.Commune == null ? null : k.Commune.Code })
            .SingleOrDefaultAsync(cancellationToken);
        if (council is null)
            return Error.NotFound("council", councilId);
        if (council.Code is not { } code)
            return Result<IReadOnlyList<PlannedProduceLine>>.Success([]);

        var plans = await db.SavedPlans.AsNoTracking()
            .Where(p => p.PublishedAtUtc != null && (planId == null || p.Id == planId) && db.PlanDeliveries.Any(d => d.PlanId == p.Id && d.Place == code))
            .OrderByDescending(p => p.PublishedAtUtc)
            .Take(Plans)
            .Select(p => new { p.Id, PublishedAtUtc = p.PublishedAtUtc!.Value })
            .ToListAsync(cancellationToken);
        if (plans.Count == 0)
            return Result<IReadOnlyList<PlannedProduceLine>>.Success([]);
        var ids = plans.Select(p => p.Id).ToList();
        var deliveries = await db.PlanDeliveries.AsNoTracking()
            .Where(d => d.Place == code && ids.Contains(d.PlanId))
            .ToListAsync(cancellationToken);

        var councils = await db.Councils.AsNoTracking().Where(k => k.CommuneId == council.CommuneId)
            .Select(k => new { k.Id, k.DeclaredFamilies, Households = k.Households.Count })
            .ToListAsync(cancellationToken);
        var opened = await db.DistributionRounds.AsNoTracking()
            .Where(r => r.CouncilId == councilId && r.PlanId != null && ids.Contains(r.PlanId))
            .Select(r => new { r.Id, r.PlanId, r.PlanProduct })
            .ToListAsync(cancellationToken);
        var families = councils.ToDictionary(k => k.Id, k => CensusFamilies.Of(k.Households, k.DeclaredFamilies));
        var own = families[councilId];
        var all = families.Values.Sum();

        return Result<IReadOnlyList<PlannedProduceLine>>.Success([.. plans.SelectMany(p => deliveries
            .Where(d => d.PlanId == p.Id)
            .OrderBy(d => d.ProductName, StringComparer.CurrentCulture)
            .Select(d => new PlannedProduceLine(p.Id, p.PublishedAtUtc, d.Product, d.ProductName, d.Unit, d.Quantity, own, all,
                Share(d.Quantity, own, all, councils.Count),
                opened.FirstOrDefault(r => r.PlanId == d.PlanId && r.PlanProduct == d.Product)?.Id)))]);
    }

    /// <summary>
    /// A council's whole units of <paramref name="quantity"/>: by its families among the commune's,
    /// or in equal parts while no council of the commune has counted or declared any.
    /// </summary>
    public static int Share(double quantity, int councilFamilies, int communeFamilies, int councils)
    {
        var share = communeFamilies > 0 ? quantity * councilFamilies / communeFamilies : quantity / Math.Max(1, councils);
        // A hair under a whole number (0.1 + 0.2 …) still counts as that number.
        return (int)Math.Min(int.MaxValue, Math.Floor(share + 1e-9));
    }
}
