using Comuna.Web.Pages.Distribution;

namespace Comuna.Web.Tests.Distribution;

public sealed class UnitPluralTests
{
    [Theory]
    [InlineData("bombona", 300, "bombonas")]
    [InlineData("caja", 430, "cajas")]
    [InlineData("caja", 1, "caja")]
    [InlineData("caja", 0, "cajas")]
    [InlineData("caja CLAP", 2, "cajas CLAP")]
    [InlineData("saco de 10 kg", 5, "sacos de 10 kg")]
    [InlineData("unidad", 2, "unidades")]
    [InlineData("camión", 2, "camiones")]
    [InlineData("lápiz", 3, "lápices")]
    [InlineData("kg", 1800, "kg")]
    [InlineData("L", 12, "L")]
    [InlineData("CLAP", 12, "CLAP")]
    [InlineData("lts.", 12, "lts.")]
    [InlineData("gramos", 12, "gramos")]
    public void TheUnitTypedByTheCouncil_TakesThePluralItsNumberAsksFor(string unit, int count, string expected) =>
        Assert.Equal(expected, UnitPlural.Of(unit, count));

    [Fact]
    public void AnAmount_IsWrittenWithTheCulturesGroupSeparator()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("es-VE");
            Assert.Equal("14.400 cajas", UnitPlural.Amount(14_400, "caja"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }
}
