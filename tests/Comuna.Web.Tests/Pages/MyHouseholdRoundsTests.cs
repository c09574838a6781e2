using System.Text.RegularExpressions;

namespace Comuna.Web.Tests.Pages;

public sealed class MyHouseholdRoundsTests
{
    [Fact]
    public async Task MyHousehold_TellsTheResidentOfOpenRounds_WhatTheirHouseholdGets_AndThenWhatItReceived()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        var councilId = await DemoCouncils.IdAsync(database, DemoCouncils.PanalFirst);
        using var resident = new PageClient(server);
        await resident.SignInAsync("residente.panal");
        using var vocera = new PageClient(server);
        await vocera.SignInAsync("vocera.panal");

        // Enough boxes for every household: each gets two.
        using var created = await vocera.SubmitAsync($"/consejos/{councilId}/jornadas/nueva",
        [
            new("Input.Kind", "FoodBox"), new("Input.Item", "Caja de diciembre"), new("Input.Unit", "caja"), new("Input.UnitsArrived", "5000"),
            new("Input.StartsOn", "2026-12-05"), new("Input.EndsOn", "2026-12-06"), new("Input.PickupPoints", "Casa comunal"), new("Input.UnitsPerHousehold", "2"),
        ]);
        var round = created.RequestMessage!.RequestUri!.AbsolutePath;

        var open = await resident.HtmlAsync("/mi-hogar");
        // The demo's gas round, open these days, and the new one.
        Assert.Contains("Para su hogar: 1 bombona.", open, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{round}\">Caja de diciembre</a>", open, StringComparison.Ordinal);
        Assert.Contains("Puntos de retiro: Casa comunal", open, StringComparison.Ordinal);
        Assert.Contains("Para su hogar: 2 cajas.", open, StringComparison.Ordinal);

        // Served at the pick-up point: the page says what the household received.
        var code = Regex.Match(open, "<a href=\"/hogares/[^\"]+\">Hogar (\\w+)</a>").Groups[1].Value;
        Assert.NotEmpty(code);
        var found = await vocera.HtmlAsync($"{round}?q={code}");
        var householdId = Regex.Match(found, "name=\"householdId\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        Assert.NotEmpty(householdId);
        await vocera.SubmitAsync($"{round}?q={code}", [new("householdId", householdId), new("units", "2"), new("q", code)], $"{round}?handler=Deliver");

        var served = await resident.HtmlAsync("/mi-hogar");
        Assert.Contains("Su hogar recibió 2 cajas.", served, StringComparison.Ordinal);
    }
}
