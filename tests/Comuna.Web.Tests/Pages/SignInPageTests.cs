using System.Net;
using System.Text.RegularExpressions;

namespace Comuna.Web.Tests.Pages;

public sealed class SignInPageTests
{
    [Theory, BothEngines]
    public async Task SignIn_VoceraPanal_BrowsesHerCouncilsCensus_AndSignsOut(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);
        var id = await DemoCouncils.IdAsync(database, DemoCouncils.PanalFirst);

        using var signedIn = await client.SignInAsync("vocera.panal", returnUrl: $"/consejos/{id}");
        var council = await PageClient.TextAsync(signedIn);
        Assert.Equal($"/consejos/{id}", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Salir (vocera.panal)", council);
        // The sign-out button in the header is a form of its own, so it carries its token.
        Assert.Contains("__RequestVerificationToken", council);
        Assert.Contains($"href=\"/consejos/{id}/hogares\"", council);
        Assert.Contains($"href=\"/consejos/{id}/editar\"", council);

        var households = await client.HtmlAsync($"/consejos/{id}/hogares");
        Assert.Contains("450 hogares en el censo.", households);
        Assert.Contains("Página 1 de 9", households);
        var second = await client.HtmlAsync($"/consejos/{id}/hogares?pagina=2");
        Assert.Contains("F0051", second);
        Assert.DoesNotContain(">F0001<", second);
        var household = await client.HtmlAsync(TerritoryPagesTests.LinkTo(households, "F0001"));
        Assert.Contains("Hogar F0001", household);
        Assert.Contains("votan en la Asamblea", household);
        var residents = await client.HtmlAsync($"/consejos/{id}/habitantes");
        Assert.Contains("habitantes en el censo.", residents);

        using var signedOut = await client.SubmitAsync("/cuenta/salir", [], "/cuenta/salir");
        Assert.Equal("/", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("href=\"/cuenta/entrar\"", await PageClient.TextAsync(signedOut));
        using var afterwards = await client.GetAsync($"/consejos/{id}/hogares");
        Assert.Equal(HttpStatusCode.NotFound, afterwards.StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPasswordFiveTimes_SaysSoThenLocksTheAccount()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);

        using var first = await client.SignInAsync("vocera.panal", "not-the-password");
        Assert.Contains("Usuario o contraseña incorrectos.", await PageClient.TextAsync(first));
        for (var attempt = 2; attempt <= 5; attempt++)
            (await client.SignInAsync("vocera.panal", "not-the-password")).Dispose();
        using var rightButLocked = await client.SignInAsync("vocera.panal");

        var html = await PageClient.TextAsync(rightButLocked);
        Assert.Contains("Demasiados intentos fallidos: esta cuenta queda bloqueada por 15 minutos.", html);
        Assert.DoesNotContain("Salir (vocera.panal)", html);
    }

    [Fact]
    public async Task SignIn_ReturnUrlToAnotherSite_GoesHomeInstead()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);

        using var response = await client.SignInAsync("vocera.panal", returnUrl: "https://example.org/phish");

        Assert.Equal(server.BaseAddress.Host, response.RequestMessage!.RequestUri!.Host);
        Assert.Equal("/", response.RequestMessage.RequestUri.AbsolutePath);
    }

    [Fact]
    public async Task MyHousehold_Resident_SeesTheirHouseholdAndCouncil_OthersAMessage()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var resident = new PageClient(server);
        using var anonymous = new PageClient(server);
        await resident.SignInAsync("residente.panal");

        var mine = await resident.HtmlAsync("/mi-hogar");
        var nobody = await anonymous.HtmlAsync("/mi-hogar");

        Assert.Contains("Consejo Comunal Sector La Piedrita", mine);
        var household = await resident.HtmlAsync(HouseholdLink(mine));
        Assert.Contains("Cédula", household);
        Assert.Contains("para ver su hogar.", nobody);
    }

    private static string HouseholdLink(string html)
    {
        var match = Regex.Match(html, "<a href=\"(/hogares/[^\"]+)\">");
        Assert.True(match.Success, "No household link.");
        return match.Groups[1].Value;
    }
}
