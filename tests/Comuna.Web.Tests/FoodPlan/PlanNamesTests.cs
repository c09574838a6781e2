using Comuna.Planning.FoodPlan;
using Comuna.Web.FoodPlan;

namespace Comuna.Web.Tests.FoodPlan;

public sealed class PlanNamesTests
{
    [Fact]
    public void Places_ReadByTheirNames_AndANameSharedByTwoCarriesItsId()
    {
        var input = new PlanInput
        {
            Places =
            [
                new("COM-MI-SIMONBOLIVAR", "Simón Bolívar", 10.2, -66.9),
                new("COM-ZU-SIMONBOLIVAR", "simón bolívar ", 10.6, -71.6),
                new("COM-DC-PANAL2021", "Panal 2021", 10.5, -66.9),
                new("puerto-cabello", null, 10.47, -68.01),
            ],
            Products = [new("maiz", "Maíz", "kg"), new("sal", null, null)],
        };

        var names = PlanNames.Of(input);

        Assert.Equal("Simón Bolívar (COM-MI-SIMONBOLIVAR)", names.Place("COM-MI-SIMONBOLIVAR"));
        Assert.Equal("simón bolívar (COM-ZU-SIMONBOLIVAR)", names.Place("COM-ZU-SIMONBOLIVAR"));
        Assert.Equal("Panal 2021", names.Place("COM-DC-PANAL2021"));
        Assert.Equal("puerto-cabello", names.Place("puerto-cabello"));
        Assert.Equal("nowhere", names.Place("nowhere"));
        Assert.Equal("Maíz", names.Product("maiz"));
        Assert.Equal("kg", names.Unit("maiz"));
        Assert.Equal("sal", names.Product("sal"));
        Assert.Equal("", names.Unit("sal"));
    }
}
