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
/// <remarks>
/// A plan is marked running while a server process makes it, and that process holds it for
/// <see cref="Lease"/> at a time, renewing the hold while it plans (<see cref="RenewAsync"/>). A
/// plan marked running whose hold has run out belongs to a process that died: it is read as
/// interrupted, and forgotten like any other plan that ended.
/// </remarks>
public sealed class SavedPlans(IComunaDb db, TimeProvider clock)
{
    /// <summary>How many plans an account's list shows, newest first.</summary>
    public const int Listed = 20;

    /// <summary>How long a process holds a plan it is making without renewing the hold; it renews it well before.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(3);

    /// <summary>Until when a process that starts or renews a plan now holds it.</summary>
    private DateTime HeldUntil() => StoredTime.Of(clock.GetUtcNow().UtcDateTime + Lease);

    /// <summary>A plan as the lists show it, read without its inputs and result; a running plan nobody holds any more, as interrupted.</summary>
    private static Expression<Func<SavedPlan, SavedPlanLine>> AsLine(DateTime now) =>
        p => new SavedPlanLine(p.Id, p.Policy,
            p.State == PlanRunState.Running && (p.HeldUntilUtc == null || p.HeldUntilUtc < now) ? PlanRunState.Interrupted : p.State,
            p.StartedAtUtc, p.FinishedAtUtc, p.Status, p.Objective, p.Gap, p.PublishedAtUtc);

    /// <summary>Whether a plan has ended, or was interrupted: it is not marked running, or nobody holds it any more.</summary>
    private static Expression<Func<SavedPlan, bool>> NotHeld(DateTime now) =>
        p => p.State != PlanRunState.Running || p.HeldUntilUtc == null || p.HeldUntilUtc < now;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Writes a plan that has just started, with its inputs, and forgets the account's plans beyond
    /// its newest <see cref="Listed"/> that have ended (or were interrupted) and were never
    /// published: a plan's inputs may be megabytes, and one the account wants for good it publishes.
    /// </summary>
    public async Task AddAsync(SavedPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        // The process that writes a plan starting holds it.
        if (plan.State == PlanRunState.Running)
            plan.HeldUntilUtc ??= HeldUntil();
        db.SavedPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        var kept = db.SavedPlans.Where(p => p.OwnerId == plan.OwnerId).OrderByDescending(p => p.StartedAtUtc).ThenByDescending(p => p.Id).Take(Listed).Select(p => p.Id);
        await db.SavedPlans
            .Where(p => p.OwnerId == plan.OwnerId && p.PublishedAtUtc == null && !kept.Contains(p.Id))
            .Where(NotHeld(Now))
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Extends the hold on the plans this process is making (those of <paramref name="ids"/> still marked running).</summary>
    public async Task RenewAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
            return;
        var until = HeldUntil();
        await db.SavedPlans.Where(p => ids.Contains(p.Id) && p.State == PlanRunState.Running)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.HeldUntilUtc, until), cancellationToken);
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
    /// <remarks>A plan marked running that nobody holds any more comes back as interrupted.</remarks>
    public async Task<SavedPlan?> FindAsync(string id, string? viewerId, CancellationToken cancellationToken)
    {
        var plan = await db.SavedPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && (p.OwnerId == viewerId || p.PublishedAtUtc != null), cancellationToken);
        if (plan is { State: PlanRunState.Running } && !(plan.HeldUntilUtc >= Now))
            plan.State = PlanRunState.Interrupted;
        return plan;
    }

    public async Task<IReadOnlyList<SavedPlanLine>> ListAsync(string ownerId, CancellationToken cancellationToken) =>
        await db.SavedPlans.AsNoTracking()
            .Where(p => p.OwnerId == ownerId)
            .OrderByDescending(p => p.StartedAtUtc)
            .Take(Listed)
            .Select(AsLine(Now))
            .ToListAsync(cancellationToken);

    /// <summary>The newest published plans, anyone's: public.</summary>
    public async Task<IReadOnlyList<SavedPlanLine>> ListPublishedAsync(CancellationToken cancellationToken) =>
        await db.SavedPlans.AsNoTracking()
            .Where(p => p.PublishedAtUtc != null)
            .OrderByDescending(p => p.PublishedAtUtc)
            .Take(Listed)
            .Select(AsLine(Now))
            .ToListAsync(cancellationToken);

    /// <summary>Deletes the plan; false when the account has no plan of that id, has published it, or a server is still making it.</summary>
    public async Task<bool> DeleteAsync(string id, string ownerId, CancellationToken cancellationToken) =>
        await db.SavedPlans.Where(p => p.Id == id && p.OwnerId == ownerId && p.PublishedAtUtc == null).Where(NotHeld(Now))
            .ExecuteDeleteAsync(cancellationToken) > 0;
}
