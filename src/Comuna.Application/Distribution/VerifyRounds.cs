using System.Text.Json;
using Comuna.Application.Common;
using Comuna.Application.Deliberation;
using Comuna.Domain.Common;
using Comuna.Domain.Distribution;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Distribution;

/// <summary>What <see cref="VerifyRounds"/> checked and every difference it found; none means the record holds.</summary>
public sealed record DistributionVerification(Guid CouncilId, int Rounds, int Minutes, int Deliveries, IReadOnlyList<string> Differences);

/// <summary>
/// Recomputes a council's distribution record from the rows themselves: the delivery minutes'
/// chain (each acta's checkpoint over its content and the council's previous acta, from the
/// genesis), each acta's counts and digest of deliveries against the deliveries now stored, and for
/// every round that no household was served twice, no delivery went to a household of another
/// council, the units handed out are within the units that arrived and equal the round's counter,
/// and a round has minutes exactly when it is closed. Social oversight runs it as
/// <c>comuna verify rounds COUNCIL</c> or <c>comuna verify round ID</c>.
/// </summary>
/// <remarks>
/// The acta's census-derived counts (households entitled, missed, with priority) are not
/// recomputed: the census moves on after a round, and the acta is the record of what it was then.
/// Everything the deliveries alone decide is.
/// </remarks>
public sealed class VerifyRounds(IComunaDb db, DeliveryMinutesWriter writer)
{
    /// <summary>Verifies every round of the council.</summary>
    public Task<Result<DistributionVerification>> CouncilAsync(Guid councilId, CancellationToken cancellationToken) =>
        ExecuteAsync(councilId, null, cancellationToken);

    /// <summary>Verifies one round, and its acta's place in its council's chain.</summary>
    public async Task<Result<DistributionVerification>> RoundAsync(Guid roundId, CancellationToken cancellationToken)
    {
        var councilId = await db.DistributionRounds.AsNoTracking().Where(r => r.Id == roundId).Select(r => (Guid?)r.CouncilId).FirstOrDefaultAsync(cancellationToken);
        return councilId is null ? Error.NotFound("round", roundId) : await ExecuteAsync(councilId.Value, roundId, cancellationToken);
    }

    private async Task<Result<DistributionVerification>> ExecuteAsync(Guid councilId, Guid? onlyRound, CancellationToken cancellationToken)
    {
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == councilId, cancellationToken);
        if (council is null)
            return Error.NotFound("council", councilId);
        var differences = new List<string>();
        var rounds = await db.DistributionRounds.AsNoTracking().Where(r => r.CouncilId == councilId).ToDictionaryAsync(r => r.Id, cancellationToken);
        var roundIds = rounds.Keys.ToList();
        var minutes = await db.DeliveryMinutes.AsNoTracking().Where(m => roundIds.Contains(m.RoundId)).ToListAsync(cancellationToken);
        // The order the writer chains them in: by the time written, then by id.
        minutes = [.. minutes.OrderBy(m => m.WrittenAtUtc).ThenBy(m => m.Id)];
        var households = (await db.Households.AsNoTracking().Where(h => h.CouncilId == councilId).Select(h => h.Id).ToListAsync(cancellationToken)).ToHashSet();
        var checkedRounds = onlyRound is { } one ? [one] : roundIds;
        var checkedDeliveries = 0;

        // The chain: from the council's genesis, each acta over its content and the one before.
        var previous = DeliveryMinutesWriter.Genesis(councilId);
        foreach (var m in minutes)
        {
            var reported = onlyRound is null || m.RoundId == onlyRound;
            var label = $"Minutes of round {m.RoundId}";
            if (reported && m.PreviousCheckpoint != previous)
                differences.Add($"{label}: the previous checkpoint is not the council's previous minutes' checkpoint.");
            if (reported && MinutesWriter.Checkpoint(m.PreviousCheckpoint, m.Content) != m.Checkpoint)
                differences.Add($"{label}: the checkpoint does not match the content.");
            previous = m.Checkpoint;
        }

        foreach (var roundId in checkedRounds.OrderBy(id => rounds[id].StartsOn).ThenBy(id => id))
        {
            var round = rounds[roundId];
            var label = $"Round {round.Id} ({round.Item}, {round.StartsOn:yyyy-MM-dd})";
            var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.RoundId == roundId).ToListAsync(cancellationToken);
            checkedDeliveries += deliveries.Count;
            foreach (var twice in deliveries.GroupBy(d => d.HouseholdId).Where(g => g.Count() > 1))
                differences.Add($"{label}: household {twice.Key} was served {twice.Count()} times.");
            foreach (var stranger in deliveries.Where(d => !households.Contains(d.HouseholdId)))
                differences.Add($"{label}: delivery {stranger.Id} went to household {stranger.HouseholdId}, which is not in the council.");
            foreach (var empty in deliveries.Where(d => d.Units <= 0))
                differences.Add($"{label}: delivery {empty.Id} hands out {empty.Units} units.");
            var units = deliveries.Sum(d => d.Units);
            if (units > round.UnitsArrived)
                differences.Add($"{label}: {units} units were handed out, but {round.UnitsArrived} arrived.");
            if (units != round.UnitsDelivered)
                differences.Add($"{label}: the deliveries add up to {units} units, the round says {round.UnitsDelivered}.");

            var acta = minutes.FirstOrDefault(m => m.RoundId == roundId);
            if (round.Status == RoundStatus.Closed && acta is null)
                differences.Add($"{label}: the round is closed but has no minutes.");
            if (round.Status == RoundStatus.Open && acta is not null)
                differences.Add($"{label}: the round is open but has minutes.");
            if (acta is null)
                continue;
            DeliveryMinutesContent? signed;
            try
            {
                signed = JsonSerializer.Deserialize<DeliveryMinutesContent>(acta.Content, MinutesWriter.Canonical);
            }
            catch (JsonException)
            {
                signed = null;
            }
            if (signed is null)
            {
                differences.Add($"{label}: the minutes' content is not readable.");
                continue;
            }
            var now = await writer.ComposeAsync(new RoundScope(round, council), acta.WrittenAtUtc, acta.SignedBy, cancellationToken);
            if (signed.RoundId != round.Id)
                differences.Add($"{label}: the minutes are of round {signed.RoundId}.");
            Compare(differences, label, "units arrived", signed.UnitsArrived, now.UnitsArrived);
            Compare(differences, label, "units delivered", signed.UnitsDelivered, now.UnitsDelivered);
            Compare(differences, label, "households served", signed.HouseholdsServed, now.HouseholdsServed);
            Compare(differences, label, "served by search", signed.ServedBySearch, now.ServedBySearch);
            Compare(differences, label, "served from a paper sheet", signed.ServedByPaperSheet, now.ServedByPaperSheet);
            if (signed.FromPlan != now.FromPlan)
                differences.Add($"{label}: the minutes say the round hands out {Planned(signed.FromPlan)}, the round says {Planned(now.FromPlan)}.");
            if (signed.DeliveriesDigest != now.DeliveriesDigest)
                differences.Add($"{label}: the deliveries stored are not the list the minutes were signed over (digest differs).");
        }
        return new DistributionVerification(councilId, checkedRounds.Count, minutes.Count(m => onlyRound is null || m.RoundId == onlyRound), checkedDeliveries, differences);
    }

    private static string Planned(PlannedFromView? from) =>
        from is null ? "nothing from the food plan" : $"{from.PlannedUnits?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} units of \"{from.Product}\" from plan {from.PlanId}";

    private static void Compare(List<string> differences, string label, string what, int signed, int now)
    {
        if (signed != now)
            differences.Add($"{label}: the minutes say {signed} {what}, the deliveries give {now}.");
    }
}
