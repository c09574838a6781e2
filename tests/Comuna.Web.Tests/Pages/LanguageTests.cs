namespace Comuna.Web.Tests.Pages;

public sealed class LanguageTests
{
    [Fact]
    public async Task LanguageSwitch_ToEnglish_RemembersTheChoiceAndGoesBack()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);

        var spanish = await client.HtmlAsync("/territorio");
        Assert.Contains("<html lang=\"es\">", spanish);
        Assert.Contains("Los estados y el Distrito Capital", spanish);

        using var switched = await client.GetAsync("/idioma/en?volver=/territorio");
        Assert.Equal("/territorio", switched.RequestMessage!.RequestUri!.AbsolutePath);
        var english = await PageClient.TextAsync(switched);
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("States and the Capital District, with the councils registered in each.", english);
        Assert.Contains(">Communes</a>", english);

        // The cookie keeps the choice on the next page too.
        var communes = await client.HtmlAsync("/comunas");
        Assert.Contains("<html lang=\"en\">", communes);
        Assert.Contains("<h1>Communes</h1>", communes);
    }
}
