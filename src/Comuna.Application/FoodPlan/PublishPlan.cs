using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.FoodPlan;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.FoodPlan;

/// <summary>What a plan moves of one product at one place, as the plan's result adds it up: delivered to it, or sent from it.</summary>
public sealed record PlaceProduce(string Place, string Product, string ProductName, string Unit, double Quantity)
{
    /// <summary>The row that keeps it, as delivered to the place, for the published plan <paramref name="planId"/>.</summary>
    public PlanDelivery Delivery(string planId) => new()
    {
        PlanId = planId,
        Place = Place,
        Product = Product,
        ProductName = ProductName,
        Unit = Unit,
        Quantity = Quantity,
    };

    /// <summary>The row that keeps it, as sent from the place, for the published plan <paramref name="planId"/>.</summary>
    public PlanDispatch Dispatch(string planId) => new()
    {
        PlanId = planId,
        Place = Place,
        Product = Product,
        ProductName = ProductName,
        Unit = Unit,
        Quantity = Quantity,
    };
}

/// <summary>
/// Makes a finished plan public, for good: anyone may read it from then on, and the councils of the
/// communes it delivers to open their rounds of produce from what it sends them, and every commune's
/// page shows what it sends and receives. The plan, its deliveries and its dispatches are written
/// in one transaction; publishing twice changes nothing.
/// </summary>
public sealed class PublishPlan(IComunaDb db, TimeProvider clock)
{
    /// <summary>A plan still running, cancelled or failed has nothing to publish.</summary>
    public static readonly Error NotDone = Error.Conflict("plan-not-done", "Only a plan that has been made can be published; this one has not finished.");

    /// <summary>
    /// A plan without needs or harvest lots planned nothing: published, it would stand among the
    /// plans communes act on, blank, for good.
    /// </summary>
    public static readonly Error PlansNothing = Error.Conflict("plan-plans-nothing", "This plan has no needs and no harvest lots: it plans nothing, and is not published.");

    /// <param name="deliveries">What the plan delivers to each place, of each product.</param>
    /// <param name="dispatches">What the plan sends from each place, of each product.</param>
    /// <returns>When the plan was published (now, or the first time).</returns>
    public async Task<Result<DateTime>> ExecuteAsync(
        string id, string ownerId, IReadOnlyList<PlaceProduce> deliveries, IReadOnlyList<PlaceProduce> dispatches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        ArgumentNullException.ThrowIfNull(dispatches);
        var plan = await db.SavedPlans.AsNoTracking().Where(p => p.Id == id && p.OwnerId == ownerId)
            .Select(p => new { p.PublishedAtUtc, p.State, Made = p.Result != null }).SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
            return Error.NotFound("plan-run", id);
        if (plan.PublishedAtUtc is { } published)
            return published;
        if (plan.State != PlanRunState.Done || !plan.Made)
            return NotDone;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Only one request publishes the plan: another one of the account at the same moment finds
        // it published (PostgreSQL re-reads the row once the first commits; SQLite writes one at a time).
        var at = StoredTime.Of(clock.GetUtcNow().UtcDateTime);
        var claimed = await db.SavedPlans.Where(p => p.Id == id && p.PublishedAtUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.PublishedAtUtc, at), cancellationToken);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return await db.SavedPlans.AsNoTracking().Where(p => p.Id == id).Select(p => p.PublishedAtUtc!.Value).SingleAsync(cancellationToken);
        }
        // A national plan delivers some 120,000 products to places: written in bulk, in the same transaction.
        await db.InsertManyAsync(deliveries.Where(d => d.Quantity > 0).Select(d => d.Delivery(id)), cancellationToken);
        await db.InsertManyAsync(dispatches.Where(d => d.Quantity > 0).Select(d => d.Dispatch(id)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return at;
    }
}
