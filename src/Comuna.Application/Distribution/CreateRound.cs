using System.Globalization;
using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Application.FoodPlan;
using Comuna.Domain.Common;
using Comuna.Domain.Distribution;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Distribution;

/// <summary>
/// Opens a council's distribution round: what arrived, the pick-up points and days, and the
/// assembly's rule. A round of produce from a published food plan keeps the plan, the product and
/// the council's share of it (<see cref="PlannedProduce"/>), to set beside what did arrive.
/// </summary>
public sealed class CreateRound(IComunaDb db, TimeProvider clock, PlannedProduce planned)
{
    /// <summary>More units than this in one round is a typing error, not a delivery.</summary>
    public const int MaxUnits = 1_000_000;

    public async Task<Result<DistributionRound>> ExecuteAsync(Actor actor, Guid councilId, RoundInput input, CancellationToken cancellationToken)
    {
        var council = await db.Councils.FindAsync([councilId], cancellationToken);
        if (council is null)
            return Error.NotFound("council", councilId);
        if (!DistributionAccess.CanRun(actor, council))
            return DistributionAccess.Refusal(actor, council, "council", councilId);

        // Every field is checked, and every fault reported at once, each naming its field: a
        // spokesperson on a phone fixes the form in one go instead of one error per submission.
        var errors = new List<Error>();
        if (input.Kind is null)
            errors.Add(Error.Invalid("kind", "Say what the round hands out: food-box, gas-bottle or produce."));
        var item = input.Item?.Trim() ?? "";
        if (item.Length is 0 or > 200)
            errors.Add(Error.Invalid("item", "Name what is handed out (\"Caja CLAP\"), in 200 characters at most."));
        var unit = input.Unit?.Trim() ?? "";
        if (unit.Length is 0 or > 40)
            errors.Add(Error.Invalid("unit", "Name the unit counted (\"caja\", \"bombona\", \"kg\"), in 40 characters at most."));
        if (input.UnitsArrived is not (>= 0 and <= MaxUnits) || input.UnitsArrived is null)
            errors.Add(Error.Invalid("unitsArrived", string.Create(CultureInfo.InvariantCulture, $"The units that arrived are a whole number from 0 to {MaxUnits:N0}.")));
        var startsOn = input.StartsOn ?? default;
        if (input.StartsOn is null)
            errors.Add(Error.Invalid("startsOn", "Give the first pick-up day."));
        var endsOn = input.EndsOn ?? startsOn;
        if (input.StartsOn is not null && endsOn < startsOn)
            errors.Add(Error.Invalid("endsOn", "The last pick-up day is on or after the first."));
        var points = (input.PickupPoints ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (points.Count == 0)
            errors.Add(Error.Invalid("pickupPoints", "Give at least one pick-up point."));
        else if (points.Any(p => p.Length > 200) || string.Join('\n', points).Length > 2_000)
            errors.Add(Error.Invalid("pickupPoints", "Each pick-up point is 200 characters at most."));

        var rule = new EntitlementRule
        {
            UnitsPerHousehold = input.UnitsPerHousehold ?? 1,
            MembersPerExtraUnit = input.MembersPerExtraUnit,
            MaxUnitsPerHousehold = input.MaxUnitsPerHousehold,
            PriorityChildren = input.PriorityChildren ?? true,
            PriorityElderly = input.PriorityElderly ?? true,
            PriorityPregnant = input.PriorityPregnant ?? true,
            PriorityMalnutrition = input.PriorityMalnutrition ?? true,
            PriorityExtraUnits = input.PriorityExtraUnits ?? 0,
        };
        if (rule.UnitsPerHousehold is < 1 or > 1_000)
            errors.Add(Error.Invalid("unitsPerHousehold", "Each household is entitled to 1 to 1,000 units."));
        if (rule.MembersPerExtraUnit is < 1 or > 100)
            errors.Add(Error.Invalid("membersPerExtraUnit", "One more unit for every 1 to 100 members, or none."));
        if (rule.MaxUnitsPerHousehold is { } max && (max < rule.UnitsPerHousehold || max > 10_000))
            errors.Add(Error.Invalid("maxUnitsPerHousehold", "The cap per household is at least the units per household."));
        if (rule.PriorityExtraUnits is < 0 or > 1_000)
            errors.Add(Error.Invalid("priorityExtraUnits", "Extra units for priority households are 0 to 1,000."));
        if (errors.Count > 0)
            return Error.Together(errors);
        var kind = input.Kind!.Value;

        // The plan is read only for a round whose own fields are right: it names the plan's line, or why it does not match.
        var fromPlan = await FromPlanAsync(councilId, kind, input, cancellationToken);
        if (!fromPlan.IsSuccess)
            return fromPlan.Error;

        var round = new DistributionRound
        {
            Id = Guid.CreateVersion7(),
            CouncilId = councilId,
            Kind = kind,
            Item = item,
            Unit = unit,
            UnitsArrived = input.UnitsArrived!.Value,
            StartsOn = startsOn,
            EndsOn = endsOn,
            PickupPoints = string.Join('\n', points),
            Rule = rule,
            PlanId = fromPlan.Value?.PlanId,
            PlanProduct = fromPlan.Value?.Product,
            PlannedUnits = fromPlan.Value?.Units,
            Status = RoundStatus.Open,
            CreatedBy = actor.UserId ?? "system",
            CreatedAtUtc = StoredTime.Of(clock.GetUtcNow().UtcDateTime),
        };
        db.DistributionRounds.Add(round);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (fromPlan.Value is { } line)
        {
            // Opened at the same moment by another spokesperson: the database keeps one.
            db.ChangeTracker.Clear();
            return PlanRoundExists(line);
        }
        db.ChangeTracker.Clear();
        return round;
    }

    /// <summary>The plan's line the round hands out, null for a round not from a plan; an error names what does not match.</summary>
    private async Task<Result<PlannedProduceLine?>> FromPlanAsync(Guid councilId, DistributionKind kind, RoundInput input, CancellationToken cancellationToken)
    {
        var planId = input.PlanId?.Trim();
        if (string.IsNullOrEmpty(planId))
        {
            if (!string.IsNullOrWhiteSpace(input.PlanProduct))
                return Error.Invalid("planId", "Name the published plan whose product the round hands out.");
            return Result<PlannedProduceLine?>.Success(null);
        }
        if (kind != DistributionKind.Produce)
            return Error.Invalid("kind", "A round of the plan's produce hands out produce.");
        var product = input.PlanProduct?.Trim();
        if (string.IsNullOrEmpty(product))
            return Error.Invalid("planProduct", "Name the plan's product the round hands out.");
        var lines = await planned.OfPlanAsync(councilId, planId, cancellationToken);
        if (!lines.IsSuccess)
            return lines.Error;
        if (lines.Value.Count == 0)
            return Error.Invalid("planId", $"No published plan \"{planId}\" delivers to this council's commune.");
        var line = lines.Value.FirstOrDefault(l => l.Product == product);
        if (line is null)
            return Error.Invalid("planProduct", $"The plan delivers no \"{product}\" to this council's commune.");
        if (await db.DistributionRounds.AnyAsync(r => r.CouncilId == councilId && r.PlanId == planId && r.PlanProduct == product, cancellationToken))
            return PlanRoundExists(line);
        return line;
    }

    private static Error PlanRoundExists(PlannedProduceLine line) =>
        Error.Conflict("plan-round-exists", $"This council already has a round of the plan's {line.ProductName}; its share is handed out there.");
}
