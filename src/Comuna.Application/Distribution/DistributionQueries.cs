using System.Text.Json;
using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Application.Deliberation;
using Comuna.Domain.Common;
using Comuna.Domain.Distribution;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Distribution;

/// <summary>What the pages and the API read of distribution rounds, each with its access rule.</summary>
public sealed class DistributionQueries(IComunaDb db)
{
    public const int MaxCandidates = 20;

    public async Task<Result<RoundView>> RoundAsync(Guid roundId, CancellationToken cancellationToken)
    {
        var scope = await RoundScope.LoadAsync(db, roundId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        var served = await db.Deliveries.CountAsync(d => d.RoundId == roundId, cancellationToken);
        return View(scope.Value, served);
    }

    /// <summary>A council's rounds, latest first; public (counts only).</summary>
    public async Task<Result<IReadOnlyList<RoundView>>> OfCouncilAsync(Guid councilId, CancellationToken cancellationToken)
    {
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == councilId, cancellationToken);
        if (council is null)
            return Error.NotFound("council", councilId);
        var rounds = await db.DistributionRounds.AsNoTracking().Where(r => r.CouncilId == councilId)
            .Select(r => new { Round = r, Served = db.Deliveries.Count(d => d.RoundId == r.Id) })
            .ToListAsync(cancellationToken);
        return rounds.OrderByDescending(r => r.Round.StartsOn).ThenByDescending(r => r.Round.Id)
            .Select(r => View(new RoundScope(r.Round, council), r.Served)).ToList();
    }

    /// <summary>One household's entitlement: for whoever reads the census, and for the residents of that household.</summary>
    public async Task<Result<HouseholdEntitlementView>> HouseholdAsync(Actor actor, Guid roundId, Guid householdId, CancellationToken cancellationToken)
    {
        var scope = await RoundScope.LoadAsync(db, roundId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        var inCouncil = await db.Households.AnyAsync(h => h.Id == householdId && h.CouncilId == scope.Value.Council.Id, cancellationToken);
        if (!inCouncil || !await RegistryAccess.CanReadHouseholdAsync(db, actor, scope.Value.Council, householdId, cancellationToken))
            return Error.NotFound("household", householdId);
        var line = (await scope.Value.AllocationAsync(db, cancellationToken)).Single(l => l.HouseholdId == householdId);
        var delivery = await db.Deliveries.AsNoTracking().FirstOrDefaultAsync(d => d.RoundId == roundId && d.HouseholdId == householdId, cancellationToken);
        return new HouseholdEntitlementView(roundId, householdId, line.Code, line.Members, PriorityReasonNames.Of(line.Reasons),
            line.Entitled, line.Allocated, delivery?.Units, delivery?.DeliveredAtUtc);
    }

    /// <summary>The households of the round's council whose code, member's name or cédula matches,
    /// for those who run the round: a short list at a time, as a phone at the pick-up point shows.</summary>
    public async Task<Result<IReadOnlyList<DeliveryCandidate>>> SearchAsync(Actor actor, Guid roundId, string? query, CancellationToken cancellationToken)
    {
        var scope = await RoundScope.LoadAsync(db, roundId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        if (!DistributionAccess.CanRun(actor, scope.Value.Council))
            return DistributionAccess.Refusal(actor, scope.Value.Council, "round", roundId);
        var words = (query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
            return Array.Empty<DeliveryCandidate>();
        var households = db.Households.AsNoTracking().Where(h => h.CouncilId == scope.Value.Council.Id);
        var code = query!.Trim().ToUpperInvariant();
        var digits = new string(query.Where(char.IsAsciiDigit).ToArray());
        if (words.Length == 1 && code.Length > 1 && char.IsAsciiLetter(code[0]) && code.Skip(1).All(char.IsAsciiDigit)
            && await households.AnyAsync(h => h.Code == code, cancellationToken))
        {
            households = households.Where(h => h.Code == code);
        }
        else if (digits.Length >= 3 && code.TrimStart('V', 'E').TrimStart('-').All(char.IsAsciiDigit))
        {
            households = households.Where(h => h.Members.Any(r => r.NationalId.Contains(digits)));
        }
        else
        {
            foreach (var word in words.Select(w => w.ToLowerInvariant()))
                households = households.Where(h => h.Members.Any(r => (r.FirstNames + " " + r.LastNames).ToLower().Contains(word)));
        }
        var found = await households.OrderBy(h => h.Code).Take(MaxCandidates)
            .Select(h => new { h.Id, h.Code, h.Address, Names = h.Members.OrderBy(r => r.BirthDate).Select(r => r.FirstNames + " " + r.LastNames).ToList() })
            .ToListAsync(cancellationToken);
        if (found.Count == 0)
            return Array.Empty<DeliveryCandidate>();
        var allocation = (await scope.Value.AllocationAsync(db, cancellationToken)).ToDictionary(l => l.HouseholdId);
        var ids = found.Select(f => f.Id).ToList();
        var delivered = await db.Deliveries.AsNoTracking().Where(d => d.RoundId == roundId && ids.Contains(d.HouseholdId))
            .ToDictionaryAsync(d => d.HouseholdId, d => d.Units, cancellationToken);
        return found.Select(f => new DeliveryCandidate(f.Id, f.Code, f.Address, string.Join(", ", f.Names), f.Names.Count,
            allocation[f.Id].Entitled, allocation[f.Id].Allocated, delivered.TryGetValue(f.Id, out var u) ? u : null)).ToList();
    }

    /// <summary>The public acta of a closed round, with whether its checkpoint still holds over its content.</summary>
    public async Task<Result<DeliveryMinutesView>> MinutesAsync(Guid roundId, CancellationToken cancellationToken)
    {
        if (!await db.DistributionRounds.AnyAsync(r => r.Id == roundId, cancellationToken))
            return Error.NotFound("round", roundId);
        var minutes = await db.DeliveryMinutes.AsNoTracking().FirstOrDefaultAsync(m => m.RoundId == roundId, cancellationToken);
        if (minutes is null)
            return Error.Conflict("round-not-closed", "The round is still open: its minutes are written when it closes.");
        var content = JsonSerializer.Deserialize<DeliveryMinutesContent>(minutes.Content, MinutesWriter.Canonical)!;
        return new DeliveryMinutesView(roundId, minutes.WrittenAtUtc, minutes.SignedBy, content, minutes.PreviousCheckpoint, minutes.Checkpoint,
            MinutesWriter.Checkpoint(minutes.PreviousCheckpoint, minutes.Content) == minutes.Checkpoint);
    }

    /// <summary>Every round of a council with units and households served and missed: public, counts only.</summary>
    public async Task<Result<TransparencyView>> TransparencyAsync(Guid councilId, CancellationToken cancellationToken)
    {
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == councilId, cancellationToken);
        if (council is null)
            return Error.NotFound("council", councilId);
        var rounds = await db.DistributionRounds.AsNoTracking().Where(r => r.CouncilId == councilId).ToListAsync(cancellationToken);
        var minutes = await db.DeliveryMinutes.AsNoTracking().Where(m => db.DistributionRounds.Any(r => r.Id == m.RoundId && r.CouncilId == councilId))
            .ToListAsync(cancellationToken);
        var served = await db.Deliveries.AsNoTracking().Where(d => db.DistributionRounds.Any(r => r.Id == d.RoundId && r.CouncilId == councilId))
            .GroupBy(d => d.RoundId).Select(g => new { RoundId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.RoundId, g => g.Count, cancellationToken);
        var inhabited = await db.Households.CountAsync(h => h.CouncilId == councilId && h.Members.Any(), cancellationToken);
        var rows = new List<TransparencyRow>();
        foreach (var r in rounds.OrderByDescending(r => r.StartsOn).ThenByDescending(r => r.Id))
        {
            var acta = minutes.FirstOrDefault(m => m.RoundId == r.Id);
            if (acta is not null)
            {
                // A closed round answers from its acta: the count it was signed over.
                var c = JsonSerializer.Deserialize<DeliveryMinutesContent>(acta.Content, MinutesWriter.Canonical)!;
                rows.Add(new TransparencyRow(r.Id, r.Item, r.Unit, r.StartsOn, r.Status, c.UnitsArrived, c.UnitsDelivered,
                    c.HouseholdsEntitled, c.HouseholdsServed, c.HouseholdsMissed, acta.Checkpoint, r.PlannedUnits));
                continue;
            }
            var n = served.GetValueOrDefault(r.Id);
            rows.Add(new TransparencyRow(r.Id, r.Item, r.Unit, r.StartsOn, r.Status, r.UnitsArrived, r.UnitsDelivered,
                inhabited, n, Math.Max(0, inhabited - n), null, r.PlannedUnits));
        }
        return new TransparencyView(councilId, council.Name, rows);
    }

    /// <summary>
    /// The council's households on <paramref name="day"/> with each member's priority as a round
    /// starting that day counts it, a page at a time, optionally only the household
    /// <paramref name="code"/>: it names residents and their health, so it is for those who read
    /// the census (403 for others who hold a role there, 404 for everyone else).
    /// </summary>
    public async Task<Result<HealthView>> HealthAsync(
        Actor actor, Guid councilId, DateOnly day, string? code, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == councilId, cancellationToken);
        if (council is null)
            return Error.NotFound("council", councilId);
        if (!DistributionAccess.CanSeeHouseholds(actor, council))
            return DistributionAccess.Knows(actor, council)
                ? Error.Forbidden("forbidden", "Health flags are for those who read the council's census.")
                : Error.NotFound("council", councilId);
        var (number, size) = Paging.Clamp(page, pageSize);
        var query = db.Households.AsNoTracking().Where(h => h.CouncilId == councilId);
        if (!string.IsNullOrWhiteSpace(code))
        {
            var wanted = code.Trim().ToUpperInvariant();
            query = query.Where(h => h.Code == wanted);
        }
        var total = await query.CountAsync(cancellationToken);
        var households = await query.OrderBy(h => h.Code).Skip((number - 1) * size).Take(size)
            .Select(h => new { h.Id, h.Code, h.Address }).ToListAsync(cancellationToken);
        var ids = households.Select(h => h.Id).ToList();
        var residents = await db.Residents.AsNoTracking().Where(r => ids.Contains(r.HouseholdId))
            .OrderBy(r => r.BirthDate).ThenBy(r => r.NationalId)
            .Select(r => new { r.Id, r.HouseholdId, r.FirstNames, r.LastNames, r.NationalId, r.Sex, r.BirthDate })
            .ToListAsync(cancellationToken);
        var residentIds = residents.Select(r => r.Id).ToList();
        var flags = (await db.HealthFlags.AsNoTracking()
                .Where(f => residentIds.Contains(f.ResidentId) && f.StartsOn <= day && (f.EndsOn == null || f.EndsOn >= day))
                .ToListAsync(cancellationToken))
            .OrderBy(f => f.Kind).ThenBy(f => f.StartsOn).ToLookup(f => f.ResidentId);
        var childBornAfter = day.AddYears(-EntitlementRule.ChildUnderAge);
        var elderBornOnOrBefore = day.AddYears(-EntitlementRule.ElderFromAge);
        var byHousehold = residents.ToLookup(r => r.HouseholdId);
        var items = households.Select(h =>
        {
            var members = byHousehold[h.Id].Select(r => new HealthResident(
                r.Id, $"{r.FirstNames} {r.LastNames}", r.NationalId, r.Sex, r.BirthDate, AgeOn(r.BirthDate, day),
                r.BirthDate > childBornAfter, r.BirthDate <= elderBornOnOrBefore,
                flags[r.Id].Select(f => new HealthFlagView(f.Id, f.Kind, f.StartsOn, f.EndsOn)).ToList())).ToList();
            var reasons = PriorityReasons.None;
            if (members.Any(m => m.ChildUnder5))
                reasons |= PriorityReasons.ChildrenUnder5;
            if (members.Any(m => m.Elderly))
                reasons |= PriorityReasons.Elderly;
            if (members.Any(m => m.Has(HealthFlagKind.Pregnant)))
                reasons |= PriorityReasons.Pregnant;
            if (members.Any(m => m.Has(HealthFlagKind.Malnutrition)))
                reasons |= PriorityReasons.Malnutrition;
            return new HealthHousehold(h.Id, h.Code, h.Address, PriorityReasonNames.Of(reasons), members);
        }).ToList();
        return new HealthView(council.Id, council.Name, day, DistributionAccess.CanRun(actor, council),
            new Page<HealthHousehold>(items, number, size, total));
    }

    private static int AgeOn(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        return birth > day.AddYears(-age) ? age - 1 : age;
    }

    private static RoundView View(RoundScope scope, int served)
    {
        var (r, c) = scope;
        return new RoundView(r.Id, c.Id, c.Name, r.Kind, r.Item, r.Unit, r.UnitsArrived, r.UnitsDelivered, r.UnitsRemaining,
            r.StartsOn, r.EndsOn, r.PickupPointList, DeliveryRuleView.Of(r.Rule), r.Status, served, r.ClosedAtUtc,
            r.PlanId is { } planId ? new PlannedFromView(planId, r.PlanProduct ?? "", r.PlannedUnits) : null);
    }
}
