using System.Globalization;
using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Distribution;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Distribution;

/// <summary>
/// Enters a printed delivery sheet after the fact: one household code per line, optionally
/// followed by the units handed out ("F0012" or "F0012 2"); a line without units takes the
/// household's share of the allocation. All or nothing: a bad line — an unknown code, a household
/// twice, one already served, more than it is entitled to, more than is left — stops the whole
/// sheet with the line named, and nothing of it is recorded.
/// </summary>
public sealed class RecordDeliverySheet(IComunaDb db, TimeProvider clock)
{
    public const int MaxLines = 5_000;

    public static Result<IReadOnlyList<SheetLine>> Parse(string? text)
    {
        var lines = new List<SheetLine>();
        var number = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var parts = line.Split([' ', '\t', ',', ';'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 2)
                return Line(number, "bad-sheet-line", $"Line {number}: write a household code and, optionally, the units (\"F0012 2\").");
            int? units = null;
            if (parts.Length == 2)
            {
                if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var u) || u <= 0)
                    return Line(number, "bad-sheet-line", $"Line {number}: '{parts[1]}' is not a positive number of units.");
                units = u;
            }
            lines.Add(new SheetLine(number, parts[0].ToUpperInvariant(), units));
            if (lines.Count > MaxLines)
                return Line(number, "sheet-too-long", $"A sheet has at most {MaxLines:N0} lines.");
        }
        if (lines.Count == 0)
            return Error.Invalid("sheet", "The sheet has no household codes.");
        return lines;
    }

    public async Task<Result<IReadOnlyList<Delivery>>> ExecuteAsync(Actor actor, Guid roundId, string? sheet, CancellationToken cancellationToken)
    {
        var scope = await RoundScope.LoadAsync(db, roundId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        var (round, council) = scope.Value;
        if (!DistributionAccess.CanRun(actor, council))
            return DistributionAccess.Refusal(actor, council, "round", roundId);
        if (round.Status != RoundStatus.Open)
            return RecordDelivery.RoundClosed();
        var parsed = Parse(sheet);
        if (!parsed.IsSuccess)
            return parsed.Error;

        var allocation = (await scope.Value.AllocationAsync(db, cancellationToken)).ToDictionary(l => l.Code, StringComparer.Ordinal);
        var served = (await db.Deliveries.Where(d => d.RoundId == roundId).Select(d => d.HouseholdId).ToListAsync(cancellationToken)).ToHashSet();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var now = StoredTime.Of(clock.GetUtcNow().UtcDateTime);
        var deliveries = new List<(SheetLine Line, Delivery Delivery)>();
        foreach (var line in parsed.Value)
        {
            if (!allocation.TryGetValue(line.Code, out var household))
                return Line(line.Number, "household-not-in-council", $"Line {line.Number}: no household {line.Code} in the census of {council.Name}.");
            if (seen.TryGetValue(line.Code, out var earlier))
                return Line(line.Number, "duplicate-sheet-line", $"Line {line.Number}: household {line.Code} is already on line {earlier}.");
            seen[line.Code] = line.Number;
            if (served.Contains(household.HouseholdId))
                return Line(line.Number, "already-delivered", $"Line {line.Number}: household {line.Code} has already been served in this round.", ErrorKind.Conflict);
            var units = line.Units ?? household.Allocated;
            if (units <= 0)
                return Line(line.Number, "nothing-allocated", $"Line {line.Number}: the allocation gives household {line.Code} nothing; write the units handed out.");
            if (units > household.Entitled)
                return Line(line.Number, "over-entitlement", $"Line {line.Number}: household {line.Code} is entitled to {household.Entitled}.");
            deliveries.Add((line, new Delivery
            {
                Id = Guid.CreateVersion7(),
                RoundId = roundId,
                HouseholdId = household.HouseholdId,
                Units = units,
                Channel = DeliveryChannel.PaperSheet,
                MarkedBy = actor.UserId ?? "system",
                DeliveredAtUtc = now,
            }));
        }
        var total = deliveries.Sum(d => d.Delivery.Units);
        if (total > round.UnitsRemaining)
            return StockShort(deliveries, round.UnitsRemaining, round.Unit);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await db.DistributionRounds
            .Where(r => r.Id == roundId && r.Status == RoundStatus.Open && r.UnitsDelivered + total <= r.UnitsArrived)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.UnitsDelivered, r => r.UnitsDelivered + total), cancellationToken);
        if (taken == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            var current = await db.DistributionRounds.AsNoTracking().SingleAsync(r => r.Id == roundId, cancellationToken);
            return current.Status != RoundStatus.Open ? RecordDelivery.RoundClosed() : StockShort(deliveries, current.UnitsRemaining, current.Unit);
        }
        db.Deliveries.AddRange(deliveries.Select(d => d.Delivery));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            // A household of the sheet was marked served by search meanwhile: name its line.
            var ids = deliveries.Select(d => d.Delivery.HouseholdId).ToList();
            var raced = await db.Deliveries.Where(d => d.RoundId == roundId && ids.Contains(d.HouseholdId)).Select(d => d.HouseholdId).ToListAsync(cancellationToken);
            var first = deliveries.FirstOrDefault(d => raced.Contains(d.Delivery.HouseholdId));
            if (first.Line is null)
                throw;
            return Line(first.Line.Number, "already-delivered", $"Line {first.Line.Number}: household {first.Line.Code} was served meanwhile.", ErrorKind.Conflict);
        }
        db.ChangeTracker.Clear();
        return deliveries.Select(d => d.Delivery).ToList();
    }

    /// <summary>Out of stock, naming the first line that no longer fits.</summary>
    private static Error StockShort(List<(SheetLine Line, Delivery Delivery)> deliveries, int remaining, string unit)
    {
        var running = 0;
        var first = deliveries.First(d => (running += d.Delivery.Units) > remaining);
        return Line(first.Line.Number, "out-of-stock",
            $"Line {first.Line.Number}: the sheet hands out {deliveries.Sum(d => d.Delivery.Units)} {unit}, the round has {remaining} left; from this line on there is not enough.",
            ErrorKind.Conflict);
    }

    /// <summary>An error about line <paramref name="number"/>, its message kept as its template and values (<see cref="Error.Text"/>).</summary>
    private static Error Line(int number, string code, FormattableString message, ErrorKind kind = ErrorKind.Validation) =>
        new(code, message.ToString(CultureInfo.InvariantCulture), kind, $"line:{number.ToString(CultureInfo.InvariantCulture)}") { Text = message };
}
