using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Distribution;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Distribution;

/// <summary>
/// Marks one household served. Inside one transaction it first takes the units from the round —
/// a conditional UPDATE that succeeds only while the round is open and has them left, which also
/// takes the round's row lock — then inserts the delivery, which UNIQUE(round, household) admits
/// once. Whatever arrives at once, a household is served once and no more units leave than arrived.
/// When the round is short, the units a household the allocation gives nothing would take are
/// other households' share — first the priority households' — so such a delivery is refused unless
/// the one who records it says they mean it (<c>beyondAllocation</c>).
/// </summary>
public sealed class RecordDelivery(IComunaDb db, TimeProvider clock)
{
    public async Task<Result<Delivery>> ExecuteAsync(
        Actor actor, Guid roundId, Guid householdId, int units, DeliveryChannel channel, bool beyondAllocation, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await RecordAsync(actor, roundId, householdId, units, channel, beyondAllocation, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Result<Delivery>> RecordAsync(
        Actor actor, Guid roundId, Guid householdId, int units, DeliveryChannel channel, bool beyondAllocation, CancellationToken cancellationToken)
    {
        var scope = await RoundScope.LoadAsync(db, roundId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        var (round, council) = scope.Value;
        if (!DistributionAccess.CanRun(actor, council))
            return DistributionAccess.Refusal(actor, council, "round", roundId);
        if (round.Status != RoundStatus.Open)
            return RoundClosed();
        if (units <= 0)
            return Error.Invalid("units", "The units handed out are a positive whole number.");
        var needs = await scope.Value.Needs(db, householdId).FirstOrDefaultAsync(cancellationToken);
        if (needs is null)
            return HouseholdNotInCouncil(council.Name);
        if (await db.Deliveries.AnyAsync(d => d.RoundId == roundId && d.HouseholdId == householdId, cancellationToken))
            return AlreadyDelivered();
        if (units > round.UnitsRemaining)
            return OutOfStock(round.UnitsRemaining, round.Unit);
        var entitled = round.Rule.UnitsFor(needs.Members, round.Rule.ReasonsFor(needs) != PriorityReasons.None);
        if (units > entitled)
            return OverEntitlement(needs.Code, entitled);
        if (!beyondAllocation && await AllocatedAsync(scope.Value, householdId, cancellationToken) == 0)
            return NothingAllocated(needs.Code);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await db.DistributionRounds
            .Where(r => r.Id == roundId && r.Status == RoundStatus.Open && r.UnitsDelivered + units <= r.UnitsArrived)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.UnitsDelivered, r => r.UnitsDelivered + units), cancellationToken);
        if (taken == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await WhyRefusedAsync(roundId, householdId, cancellationToken);
        }
        var delivery = new Delivery
        {
            Id = Guid.CreateVersion7(),
            RoundId = roundId,
            HouseholdId = householdId,
            Units = units,
            Channel = channel,
            MarkedBy = actor.UserId ?? "system",
            DeliveredAtUtc = StoredTime.Of(clock.GetUtcNow().UtcDateTime),
        };
        db.Deliveries.Add(delivery);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            // Another spokesperson marked the same household at the same moment: UNIQUE(round,
            // household) refused this one, and the rollback gave its units back. Any other failure
            // is not "already delivered" and must not be reported as such.
            if (await db.Deliveries.AnyAsync(d => d.RoundId == roundId && d.HouseholdId == householdId, cancellationToken))
                return AlreadyDelivered();
            throw;
        }
        db.ChangeTracker.Clear();
        return delivery;
    }

    /// <summary>The household's share of the round's allocation; the whole council is needed to compute it, so only when it is asked.</summary>
    private async Task<int> AllocatedAsync(RoundScope scope, Guid householdId, CancellationToken cancellationToken) =>
        (await scope.AllocationAsync(db, cancellationToken)).Single(l => l.HouseholdId == householdId).Allocated;

    /// <summary>Why the round refused units it seemed to have: served meanwhile, closed meanwhile, or emptied meanwhile.</summary>
    private async Task<Error> WhyRefusedAsync(Guid roundId, Guid householdId, CancellationToken cancellationToken)
    {
        if (await db.Deliveries.AnyAsync(d => d.RoundId == roundId && d.HouseholdId == householdId, cancellationToken))
            return AlreadyDelivered();
        var now = await db.DistributionRounds.AsNoTracking().Where(r => r.Id == roundId)
            .Select(r => new { r.Status, Remaining = r.UnitsArrived - r.UnitsDelivered, r.Unit }).SingleAsync(cancellationToken);
        return now.Status != RoundStatus.Open ? RoundClosed() : OutOfStock(now.Remaining, now.Unit);
    }

    internal static Error AlreadyDelivered() =>
        Error.Conflict("already-delivered", "This household has already been served in this round.");

    internal static Error OutOfStock(int remaining, string unit) =>
        new("out-of-stock", $"The round has {remaining} {unit} left: not enough for this delivery.", ErrorKind.Conflict, "units");

    internal static Error RoundClosed() => Error.Conflict("round-closed", "The round is closed: its minutes are written.");

    internal static Error HouseholdNotInCouncil(string councilName) =>
        new("household-not-in-council", $"The household is not in the census of {councilName}, whose round this is.", ErrorKind.Validation, "householdId");

    internal static Error NothingAllocated(string code) =>
        new("nothing-allocated", $"The allocation gives household {code} nothing in this round: its units are other households' share, the priority households' first.",
            ErrorKind.Validation, "units");

    internal static Error OverEntitlement(string code, int entitled) =>
        new("over-entitlement", $"Household {code} is entitled to {entitled} in this round.", ErrorKind.Validation, "units");
}
