using Comuna.Application.Common;
using Comuna.Domain.FoodPlan;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.FoodPlan;

/// <summary>A kept plan as its account's list shows it, without its inputs and result.</summary>
public sealed record SavedPlanLine(string Id, string Policy, PlanRunState State, DateTime StartedAtUtc, DateTime? FinishedAtUtc, string? Status, double? Objective, double? Gap);

/// <summary>
/// The food plans kept in the database, each read and deleted only by the account that started
/// it: for anyone else a plan does not exist, as an unknown id does not.
/// </summary>
public sealed class SavedPlans(IComunaDb db)
{
    /// <summary>How many plans an account's list shows, newest first.</summary>
    public const int Listed = 20;

    /// <summary>Writes the plan as it stands: added the first time, brought up to date after.</summary>
    public async Task SaveAsync(SavedPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var kept = await db.SavedPlans.SingleOrDefaultAsync(p => p.Id == plan.Id, cancellationToken);
        if (kept is null)
            db.SavedPlans.Add(plan);
        else if (!string.Equals(kept.OwnerId, plan.OwnerId, StringComparison.Ordinal))
            throw new InvalidOperationException($"Plan {plan.Id} belongs to another account.");
        else
            db.SavedPlans.Entry(kept).CurrentValues.SetValues(plan);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<SavedPlan?> FindAsync(string id, string ownerId, CancellationToken cancellationToken) =>
        db.SavedPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.OwnerId == ownerId, cancellationToken);

    public async Task<IReadOnlyList<SavedPlanLine>> ListAsync(string ownerId, CancellationToken cancellationToken) =>
        await db.SavedPlans.AsNoTracking()
            .Where(p => p.OwnerId == ownerId)
            .OrderByDescending(p => p.StartedAtUtc)
            .Take(Listed)
            .Select(p => new SavedPlanLine(p.Id, p.Policy, p.State, p.StartedAtUtc, p.FinishedAtUtc, p.Status, p.Objective, p.Gap))
            .ToListAsync(cancellationToken);

    /// <summary>Deletes the plan; false when the account has no plan of that id.</summary>
    public async Task<bool> DeleteAsync(string id, string ownerId, CancellationToken cancellationToken) =>
        await db.SavedPlans.Where(p => p.Id == id && p.OwnerId == ownerId).ExecuteDeleteAsync(cancellationToken) > 0;
}
