using System.Linq.Expressions;
using Comuna.Application.Common;
using Comuna.Domain.FoodPlan;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.FoodPlan;

/// <summary>A kept plan as its account's list shows it, without its inputs and result.</summary>
public sealed record SavedPlanLine(string Id, string Policy, PlanRunState State, DateTime StartedAtUtc, DateTime? FinishedAtUtc, string? Status, double? Objective, double? Gap, DateTime? PublishedAtUtc = null);

/// <summary>
/// The food plans kept in the database, each read and deleted only by the account that started
/// it: for anyone else a plan does not exist, as an unknown id does not — until its account
/// publishes it (<see cref="PublishPlan"/>): then anyone reads it, and nobody deletes it.
/// </summary>
public sealed class SavedPlans(IComunaDb db)
{
    /// <summary>How many plans an account's list shows, newest first.</summary>
    public const int Listed = 20;

    /// <summary>A plan as the lists show it, read without its inputs and result.</summary>
    private static readonly Expression<Func<SavedPlan, SavedPlanLine>> AsLine =
        p => new SavedPlanLine(p.Id, p.Policy, p.State, p.StartedAtUtc, p.FinishedAtUtc, p.Status, p.Objective, p.Gap, p.PublishedAtUtc);

    /// <summary>
    /// Writes a plan that has just started, with its inputs, and forgets the account's plans beyond
    /// its newest <see cref="Listed"/> that have ended and were never published: a plan's inputs may
    /// be megabytes, and one the account wants for good it publishes.
    /// </summary>
    public async Task AddAsync(SavedPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        db.SavedPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        var kept = db.SavedPlans.Where(p => p.OwnerId == plan.OwnerId).OrderByDescending(p => p.StartedAtUtc).ThenByDescending(p => p.Id).Take(Listed).Select(p => p.Id);
        await db.SavedPlans
            .Where(p => p.OwnerId == plan.OwnerId && p.PublishedAtUtc == null && p.State != PlanRunState.Running && !kept.Contains(p.Id))
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Writes how a plan ended — only that: its inputs are already kept and may be megabytes.
    /// A plan whose start could not be kept is kept whole now.
    /// </summary>
    public async Task FinishAsync(SavedPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var updated = await db.SavedPlans.Where(p => p.Id == plan.Id && p.OwnerId == plan.OwnerId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(p => p.State, plan.State)
                .SetProperty(p => p.FinishedAtUtc, plan.FinishedAtUtc)
                .SetProperty(p => p.Result, plan.Result)
                .SetProperty(p => p.Status, plan.Status)
                .SetProperty(p => p.Objective, plan.Objective)
                .SetProperty(p => p.Gap, plan.Gap)
                .SetProperty(p => p.Failure, plan.Failure), cancellationToken);
        if (updated == 0)
            await AddAsync(plan, cancellationToken);
    }

    /// <summary>The plan, for its account or, once published, for anyone (<paramref name="viewerId"/> null: no account).</summary>
    public Task<SavedPlan?> FindAsync(string id, string? viewerId, CancellationToken cancellationToken) =>
        db.SavedPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && (p.OwnerId == viewerId || p.PublishedAtUtc != null), cancellationToken);

    public async Task<IReadOnlyList<SavedPlanLine>> ListAsync(string ownerId, CancellationToken cancellationToken) =>
        await db.SavedPlans.AsNoTracking()
            .Where(p => p.OwnerId == ownerId)
            .OrderByDescending(p => p.StartedAtUtc)
            .Take(Listed)
            .Select(AsLine)
            .ToListAsync(cancellationToken);

    /// <summary>The newest published plans, anyone's: public.</summary>
    public async Task<IReadOnlyList<SavedPlanLine>> ListPublishedAsync(CancellationToken cancellationToken) =>
        await db.SavedPlans.AsNoTracking()
            .Where(p => p.PublishedAtUtc != null)
            .OrderByDescending(p => p.PublishedAtUtc)
            .Take(Listed)
            .Select(AsLine)
            .ToListAsync(cancellationToken);

    /// <summary>Deletes the plan; false when the account has no plan of that id, or has published it.</summary>
    public async Task<bool> DeleteAsync(string id, string ownerId, CancellationToken cancellationToken) =>
        await db.SavedPlans.Where(p => p.Id == id && p.OwnerId == ownerId && p.PublishedAtUtc == null).ExecuteDeleteAsync(cancellationToken) > 0;
}
