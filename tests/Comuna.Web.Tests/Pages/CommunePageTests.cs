using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Pages;

public sealed class CommunePageTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("finanzas.panal", false)]
    [InlineData("residente.panal", false)]
    [InlineData("vocera.panal", true)]
    [InlineData("admin.lidice", true)]
    [InlineData("coordinadora", true)]
    public async Task CommunesList_OffersTheRegistrationOfACouncil_OnlyToWhoeverMayRegisterOne(string? reader, bool register)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);
        if (reader is not null)
            await client.SignInAsync(reader);

        var html = await client.HtmlAsync("/comunas");

        Assert.Contains("Panal 2021", html, StringComparison.Ordinal);
        Assert.Equal(register, html.Contains("href=\"/consejos/registrar\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, false, false)]
    [InlineData("admin.lidice", false, false)]
    [InlineData("residente.panal", true, false)]
    [InlineData("vocera.panal", true, true)]
    [InlineData("admin.panal", true, true)]
    [InlineData("coordinadora", true, true)]
    public async Task CommunePage_OffersTheBooksAndTheRegistration_OnlyToWhoeverMayOpenThem(string? reader, bool books, bool register)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        Guid panal;
        await using (var db = database.NewContext())
            panal = await db.Communes.Where(c => c.Code == "COM-DC-PANAL2021").Select(c => c.Id).SingleAsync(ct);
        using var client = new PageClient(server);
        if (reader is not null)
            await client.SignInAsync(reader);

        var html = await client.HtmlAsync($"/comunas/{panal}");

        Assert.Contains($"href=\"/comunas/{panal}/parlamento\"", html, StringComparison.Ordinal);
        Assert.Equal(books, html.Contains($"href=\"/comunas/{panal}/cuentas\"", StringComparison.Ordinal));
        Assert.Equal(register, html.Contains($"href=\"/consejos/registrar?comuna={panal}\"", StringComparison.Ordinal));
        // Every link offered opens: none ends in "not found".
        foreach (var (offered, path) in new[] { (books, $"/comunas/{panal}/cuentas"), (register, $"/consejos/registrar?comuna={panal}") })
        {
            if (!offered)
                continue;
            using var opened = await client.GetAsync(path);
            Assert.Equal(System.Net.HttpStatusCode.OK, opened.StatusCode);
        }
    }
}
