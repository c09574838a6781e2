using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Application.Demo;
using Comuna.Application.FoodPlan;
using Comuna.Domain.FoodPlan;
using Comuna.Planning.FoodPlan;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.FoodPlan;

/// <summary>
/// The demo's food plan, made and published by El Maizal's spokesperson: the harvest of the two
/// rural communes (El Maizal's maize and plantain, Tierra Fértil's tomatoes and plantain) for the
/// two urban ones, whose needs are their census families × a basket, over roads with truck
/// capacity, and Puerto Cabello for what the countryside does not produce. So the demo shows the
/// whole chain: Panal 2021's councils find its produce on their new-round page.
/// </summary>
public sealed class DemoFoodPlan(
    IComunaDb db, UserManager<ComunaUser> users, CensusFamilies census, PublishPlan publish, TimeProvider clock) : IDemoFoodPlan
{
    /// <summary>The demo plan's id, fixed so that loading the demo twice plans it once.</summary>
    public const string Id = "00000000000000000000000000000de1";

    private const string Maizal = "COM-LA-ELMAIZAL", TierraFertil = "COM-PO-TIERRAFERTIL", Panal = "COM-DC-PANAL2021", Lidice = "COM-DC-ALTOSLIDICE";
    private const string Port = "puerto-cabello";

    /// <summary>What one family needs in the fortnight, in kilograms.</summary>
    private const string Basket = "maiz 4\nplatano 3\ntomate 1.5";

    public async Task<bool> ExecuteAsync(CancellationToken cancellationToken)
    {
        if (await db.SavedPlans.AnyAsync(p => p.Id == Id, cancellationToken))
            return false;
        var planner = await users.FindByNameAsync("vocero.maizal");
        var communes = await census.ExecuteAsync([Maizal, TierraFertil, Panal, Lidice], cancellationToken);
        if (planner is null || !communes.IsSuccess)
            return false;

        var seats = communes.Value.ToDictionary(c => c.Code);
        PlaceInput Place(string code) => new(code, seats[code].Name, seats[code].Latitude, seats[code].Longitude);
        var input = new PlanInput
        {
            Products = [new("maiz", "Maíz", "kg"), new("platano", "Plátano", "kg"), new("tomate", "Tomate", "kg")],
            Places = [Place(Maizal), Place(TierraFertil), new(Port, "Puerto Cabello", 10.47, -68.01)],
            Lots =
            [
                new(Maizal, "maiz", 20_000, 0, null),
                new(Maizal, "platano", 9_000, 0, 10),
                new(TierraFertil, "tomate", 5_000, 0, 4),
                new(TierraFertil, "platano", 6_000, 1, 10),
            ],
            Needs = [],
            Routes =
            [
                new(Maizal, Panal, 0.12, 1, 30_000),
                new(Maizal, Lidice, 0.12, 1, 20_000),
                new(TierraFertil, Panal, 0.08, 1, 7_000),
                new(TierraFertil, Lidice, 0.08, 1, 4_000),
                new(Port, Panal, 0.05, 1, null),
                new(Port, Lidice, 0.05, 1, null),
            ],
            Imports = [new("maiz", Port, 0.6, null), new("platano", Port, 0.9, 2_000), new("tomate", Port, 1.2, 4_000)],
            Penalties = new(1000, 100),
        };
        var (basket, _) = Comuna.Planning.FoodPlan.Basket.Parse(Basket);
        var (withNeeds, errors) = CensusNeeds.Apply(input, basket, CensusPlaces.Of([seats[Panal], seats[Lidice]]));
        var (problem, invalid) = withNeeds is null ? (null, errors) : PlanProblem.Build(withNeeds);
        if (problem is null)
            throw new InvalidOperationException($"The demo's food plan does not read: {string.Join(" ", invalid)}");

        var result = FoodPlanner.Plan(problem, PlanPolicy.ProductionFirst);
        var now = StoredTime.Of(clock.GetUtcNow().UtcDateTime);
        db.SavedPlans.Add(new SavedPlan
        {
            Id = Id,
            OwnerId = planner.Id,
            Policy = FoodPlanner.Name(PlanPolicy.ProductionFirst),
            State = PlanRunState.Done,
            StartedAtUtc = now,
            FinishedAtUtc = now,
            Input = PlanJson.WriteInput(withNeeds!),
            Result = PlanJson.WriteResult(result),
            Status = result.Status,
            Objective = result.Objective,
            Gap = result.Gap,
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var published = await publish.ExecuteAsync(Id, planner.Id, PlanDeliveries.Of(withNeeds!, result), PlanDeliveries.Sent(withNeeds!, result), cancellationToken);
        return published.IsSuccess;
    }
}
