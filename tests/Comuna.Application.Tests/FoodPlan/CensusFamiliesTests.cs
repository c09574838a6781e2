using Comuna.Application.FoodPlan;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Tests.FoodPlan;

public sealed class CensusFamiliesTests
{
    [Theory, BothEngines]
    public async Task ACommunesFamilies_AreItsCensusHouseholds_AndWhatACouncilWithoutCensusDeclared(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var db = database.NewContext();
        var maizal = await db.Communes.SingleAsync(c => c.Code == "COM-LA-ELMAIZAL", ct);
        db.Councils.Add(new CommunalCouncil
        {
            Id = Guid.CreateVersion7(),
            Code = "LA-ELMAIZAL-CC99",
            Name = "Consejo Comunal Recién Registrado",
            Kind = CouncilKind.Rural,
            ParishId = maizal.ParishId,
            CommuneId = maizal.Id,
            DeclaredFamilies = 60,
            RuleSetId = RuleSets.Default.Id,
        });
        await db.SaveChangesAsync(ct);
        var census = new CensusFamilies(db);

        var all = await census.ExecuteAsync([], ct);
        var chosen = await census.ExecuteAsync(["COM-LA-ELMAIZAL", "COM-DC-PANAL2021"], ct);

        Assert.Equal(["COM-DC-ALTOSLIDICE", "COM-DC-PANAL2021", "COM-LA-ELMAIZAL", "COM-PO-TIERRAFERTIL"], all.Value.Select(c => c.Code));
        var households = await db.Households.GroupBy(h => h.Council!.Commune!.Code).ToDictionaryAsync(g => g.Key, g => g.Count(), ct);
        Assert.Equal([new CommuneFamilies("COM-DC-PANAL2021", "Panal 2021", households["COM-DC-PANAL2021"], 0, 10.5075, -66.9311), new CommuneFamilies("COM-LA-ELMAIZAL", "El Maizal", households["COM-LA-ELMAIZAL"], 60, 9.78, -69.52)], chosen.Value);
        Assert.Equal(households["COM-LA-ELMAIZAL"] + 60, chosen.Value[1].Families);
    }

    [Theory, BothEngines]
    public async Task AnUnknownCommuneCode_IsNamed(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var db = database.NewContext();

        var result = await new CensusFamilies(db).ExecuteAsync(["COM-LA-ELMAIZAL", "COM-XX-ATLANTIDA"], ct);

        Assert.False(result.IsSuccess);
        Assert.Equal("No commune in the registry has the code \"COM-XX-ATLANTIDA\".", result.Error!.Message);
    }
}
