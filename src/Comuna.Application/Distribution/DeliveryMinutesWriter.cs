using System.Globalization;
using System.Text;
using System.Text.Json;
using Comuna.Application.Common;
using Comuna.Application.Deliberation;
using Comuna.Domain.Deliberation;
using Comuna.Domain.Distribution;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Distribution;

/// <summary>
/// Writes the delivery minutes of a closed round and chains their checkpoint to the council's
/// previous delivery minutes, as the assemblies' minutes do: rewriting any past acta breaks every
/// checkpoint after it. The same composition recomputes the content to verify it.
/// </summary>
public sealed class DeliveryMinutesWriter(IComunaDb db)
{
    public async Task<DeliveryMinutesContent> ComposeAsync(RoundScope scope, DateTime closedAtUtc, string signedBy, CancellationToken cancellationToken)
    {
        var (round, council) = scope;
        var allocation = await scope.AllocationAsync(db, cancellationToken);
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.RoundId == round.Id).ToListAsync(cancellationToken);
        deliveries = deliveries.OrderBy(d => d.HouseholdId).ToList();
        var servedIds = deliveries.Select(d => d.HouseholdId).ToHashSet();
        var entitled = allocation.Where(l => l.Entitled > 0).ToList();
        var digest = new StringBuilder("comuna-deliveries-v1\n").Append(round.Id.ToString("D"));
        foreach (var d in deliveries)
        {
            digest.Append('\n').Append(d.HouseholdId.ToString("D")).Append('|').Append(d.Units.ToString(CultureInfo.InvariantCulture))
                .Append('|').Append(d.Channel).Append('|').Append(d.DeliveredAtUtc.ToString("O", CultureInfo.InvariantCulture));
        }
        return new DeliveryMinutesContent(
            round.Id, council.Code, council.Name, round.Kind.ToString(), round.Item, round.Unit, round.StartsOn, round.EndsOn,
            round.PickupPointList, DeliveryRuleView.Of(round.Rule),
            round.UnitsArrived, allocation.Sum(l => l.Entitled), deliveries.Sum(d => d.Units), round.UnitsArrived - deliveries.Sum(d => d.Units),
            allocation.Count, entitled.Count, servedIds.Count, entitled.Count(l => !servedIds.Contains(l.HouseholdId)),
            allocation.Count(l => l.Priority), allocation.Count(l => l.Priority && servedIds.Contains(l.HouseholdId)),
            deliveries.Count(d => d.Channel == DeliveryChannel.Search), deliveries.Count(d => d.Channel == DeliveryChannel.PaperSheet),
            closedAtUtc, signedBy, VoteChain.Sha256(digest.ToString()),
            round.PlanId is { } planId ? new PlannedFromView(planId, round.PlanProduct ?? "", round.PlannedUnits) : null);
    }

    public async Task<DeliveryMinutes> WriteAsync(RoundScope scope, DateTime closedAtUtc, string signedBy, CancellationToken cancellationToken)
    {
        var content = JsonSerializer.Serialize(await ComposeAsync(scope, closedAtUtc, signedBy, cancellationToken), MinutesWriter.Canonical);
        var previous = await PreviousCheckpointAsync(scope.Council.Id, cancellationToken);
        var minutes = new DeliveryMinutes
        {
            Id = Guid.CreateVersion7(),
            RoundId = scope.Round.Id,
            WrittenAtUtc = closedAtUtc,
            SignedBy = signedBy,
            Content = content,
            PreviousCheckpoint = previous,
            Checkpoint = MinutesWriter.Checkpoint(previous, content),
        };
        db.DeliveryMinutes.Add(minutes);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return minutes;
    }

    /// <summary>The checkpoint of the council's latest delivery minutes, or the council's genesis when it has none.</summary>
    private async Task<string> PreviousCheckpointAsync(Guid councilId, CancellationToken cancellationToken)
    {
        var rounds = db.DistributionRounds.Where(r => r.CouncilId == councilId).Select(r => r.Id);
        var last = await db.DeliveryMinutes.AsNoTracking().Where(m => rounds.Contains(m.RoundId))
            .OrderByDescending(m => m.WrittenAtUtc).ThenByDescending(m => m.Id).Select(m => m.Checkpoint).FirstOrDefaultAsync(cancellationToken);
        return last ?? Genesis(councilId);
    }

    /// <summary>Where a council's chain of delivery minutes starts.</summary>
    public static string Genesis(Guid councilId) => VoteChain.Sha256($"comuna-delivery-minutes-genesis\n{councilId:D}");
}
