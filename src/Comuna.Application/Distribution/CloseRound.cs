using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Distribution;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Distribution;

/// <summary>
/// Ends a round: no more deliveries, and the signed delivery minutes are written with their
/// checkpoint. Closing takes the round's row (status Open → Closed) in the same transaction as
/// the minutes, so a delivery either made it in before the acta or is refused as "round-closed".
/// </summary>
public sealed class CloseRound(IComunaDb db, DeliveryMinutesWriter writer, TimeProvider clock)
{
    public async Task<Result<DeliveryMinutes>> ExecuteAsync(Actor actor, Guid roundId, string signedBy, CancellationToken cancellationToken)
    {
        var scope = await RoundScope.LoadAsync(db, roundId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        if (!DistributionAccess.CanRun(actor, scope.Value.Council))
            return DistributionAccess.Refusal(actor, scope.Value.Council, "round", roundId);
        if (scope.Value.Round.Status != RoundStatus.Open)
            return RecordDelivery.RoundClosed();

        var now = StoredTime.Of(clock.GetUtcNow().UtcDateTime);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var closed = await db.DistributionRounds.Where(r => r.Id == roundId && r.Status == RoundStatus.Open)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, RoundStatus.Closed).SetProperty(r => r.ClosedAtUtc, now), cancellationToken);
        if (closed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return RecordDelivery.RoundClosed();
        }
        // Read again inside the transaction: the units delivered are final now.
        var reloaded = await RoundScope.LoadAsync(db, roundId, cancellationToken);
        var minutes = await writer.WriteAsync(reloaded.Value, now, signedBy.Trim().Length == 0 ? "?" : signedBy.Trim(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return minutes;
    }
}
