using System.Net;

namespace Comuna.Web.Tests.Pages;

public sealed class ErrorPageTests
{
    [Fact]
    public async Task UnknownCouncil_Answers404WithAPageInTheReadersLanguage()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);

        using var spanish = await client.GetAsync($"/consejos/{Guid.NewGuid()}");
        (await client.GetAsync("/idioma/en?volver=/")).Dispose();
        using var english = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, spanish.StatusCode);
        Assert.Equal("text/html", spanish.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>No encontrado</h1>", await PageClient.TextAsync(spanish));
        Assert.Equal(HttpStatusCode.NotFound, english.StatusCode);
        Assert.Contains("<h1>Not found</h1>", await PageClient.TextAsync(english));
    }

    [Fact]
    public async Task UnknownApiRoute_StillAnswersProblemDetails()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = server.Anonymous();

        using var response = await client.GetAsync("/api/v1/no-such-thing", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task FormPostedWithoutItsToken_IsRefusedWithAPageThatSaysWhy()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);
        using var http = server.Anonymous();
        using var form = new FormUrlEncodedContent([new("Input.Username", "vocera.panal"), new("Input.Password", "comuna-demo-2026")]);

        using var response = await http.PostAsync("/cuenta/entrar", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("La solicitud no fue aceptada", await PageClient.TextAsync(response));
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("comuna=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RefusedForTheAccountsRole_Answers403WithAPageThatSaysSo()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var resident = new PageClient(server);
        await resident.SignInAsync("residente.panal");
        var council = await DemoCouncils.IdAsync(database, DemoCouncils.PanalFirst);

        using var response = await resident.GetAsync($"/consejos/{council}/salud");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await PageClient.TextAsync(response);
        Assert.Contains("<h1>No permitido</h1>", html);
        Assert.Contains("Su cuenta no puede hacer esto aquí.", html);
        Assert.DoesNotContain("Algo salió mal", html);
    }

    [Theory]
    [InlineData("/%5Cevil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/territorio%0d%0aX:1")]
    public async Task LanguageSwitch_ToAnAddressOffThisSite_GoesHomeInstead(string back)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

        using var response = await client.GetAsync($"/idioma/en?volver={back}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
