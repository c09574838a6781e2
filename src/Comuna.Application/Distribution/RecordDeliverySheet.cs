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
/// sheet, and nothing of it is recorded. Every bad line is named at once, each with its number, so
/// that the sheet is mended in one go.
/// </summary>
public sealed class RecordDeliverySheet(IComunaDb db, TimeProvider clock)
{
    public const int MaxLines = 5_000;

    public static Result<IReadOnlyList<SheetLine>> Parse(string? text)
    {
        var (lines, errors, stop) = Read(text);
        if (stop is not null)
            return stop;
        return errors.Count > 0 ? Error.Together(errors) : Result<IReadOnlyList<SheetLine>>.Success(lines);
    }

    /// <summary>
    /// The lines that read, the faults of those that do not, and what stops the sheet before any
    /// line is checked (too long, or no code at all): the lines that read are still checked against
    /// the round, so that their faults are named with the others.
    /// </summary>
    private static (List<SheetLine> Lines, List<Error> Errors, Error? Stop) Read(string? text)
    {
        var lines = new List<SheetLine>();
        var errors = new List<Error>();
        var number = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var parts = line.Split([' ', '\t', ',', ';'], StringSplitOptions.RemoveEmptyEntries);
            if (lines.Count + errors.Count >= MaxLines)
                return (lines, errors, Line(number, "sheet-too-long", $"A sheet has at most {MaxLines:N0} lines."));
            if (parts.Length > 2)
            {
                errors.Add(Line(number, "bad-sheet-line", $"Line {number}: write a household code and, optionally, the units (\"F0012 2\")."));
                continue;
            }
            int? units = null;
            if (parts.Length == 2)
            {
                if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var u) || u <= 0)
                {
                    errors.Add(Line(number, "bad-sheet-line", $"Line {number}: '{parts[1]}' is not a positive number of units."));
                    continue;
                }
                units = u;
            }
            lines.Add(new SheetLine(number, parts[0].ToUpperInvariant(), units));
        }
        return (lines, errors, lines.Count + errors.Count == 0 ? Error.Invalid("sheet", "The sheet has no household codes.") : null);
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
        var (lines, errors, stop) = Read(sheet);
        if (stop is not null)
            return stop;

        var allocation = (await scope.Value.AllocationAsync(db, cancellationToken)).ToDictionary(l => l.Code, StringComparer.Ordinal);
        var served = (await db.Deliveries.Where(d => d.RoundId == roundId).Select(d => d.HouseholdId).ToListAsync(cancellationToken)).ToHashSet();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var now = StoredTime.Of(clock.GetUtcNow().UtcDateTime);
        var deliveries = new List<(SheetLine Line, Delivery Delivery)>();
        // One line's fault, or null once its delivery is added; a line is checked even after a bad one, so that all are named.
        Error? Check(SheetLine line)
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
            return null;
        }

        foreach (var line in lines)
        {
            if (Check(line) is { } error)
                errors.Add(error);
        }
        if (errors.Count > 0)
            return Error.Together(errors.OrderBy(e => int.Parse(e.Field![5..], CultureInfo.InvariantCulture)).ToList());

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
