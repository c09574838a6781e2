namespace Comuna.Web.Tests.Pages;

public sealed class FrontPageTests
{
    [Fact]
    public async Task FrontPage_LeadsEachReaderToTheCouncilsAndCommunesWhereTheyTakePart()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        var council = await DemoCouncils.IdAsync(database, DemoCouncils.PanalFirst);
        using var anyone = new PageClient(server);
        using var vocera = new PageClient(server);
        await vocera.SignInAsync("vocera.panal");
        using var admin = new PageClient(server);
        await admin.SignInAsync("admin.panal");

        var anonymous = await anyone.HtmlAsync("/");
        var spokesperson = await vocera.HtmlAsync("/");
        var communeAdmin = await admin.HtmlAsync("/");

        // Nobody signed in, no place: just the communes.
        Assert.DoesNotContain("Donde usted participa", anonymous, StringComparison.Ordinal);
        Assert.Contains("Panal 2021", anonymous, StringComparison.Ordinal);
        // The spokesperson's council, its rounds and its assemblies, one tap away.
        Assert.Contains("<h2 id=\"participa\">Donde usted participa</h2>", spokesperson, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/consejos/{council}\"><strong>", spokesperson, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/consejos/{council}/jornadas\">Jornadas de distribución</a>", spokesperson, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/consejos/{council}/asambleas\">", spokesperson, StringComparison.Ordinal);
        // The commune's admin: the commune and its parliament, and no council of their own.
        Assert.Contains("<h2 id=\"participa\">", communeAdmin, StringComparison.Ordinal);
        Assert.Matches("<a href=\"/comunas/[0-9a-f-]{36}\"><strong>Panal 2021</strong></a>", communeAdmin);
        Assert.Matches("<a href=\"/comunas/[0-9a-f-]{36}/parlamento\">", communeAdmin);
        Assert.DoesNotContain($"href=\"/consejos/{council}/jornadas\"", communeAdmin, StringComparison.Ordinal);
    }
}
