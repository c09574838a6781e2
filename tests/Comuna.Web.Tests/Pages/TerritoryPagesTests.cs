using System.Net;
using System.Text.RegularExpressions;

namespace Comuna.Web.Tests.Pages;

public sealed class TerritoryPagesTests
{
    [Fact]
    public async Task Territory_DrillsDownFromDistritoCapitalToThePanalCommune_WithBreadcrumbs()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);

        var states = await client.HtmlAsync("/territorio");
        Assert.Contains("Distrito Capital", states);
        var state = await client.HtmlAsync(LinkTo(states, "Distrito Capital"));
        var municipality = await client.HtmlAsync(LinkTo(state, "Libertador"));
        Assert.Contains("Distrito Capital", Crumbs(municipality));
        var parish = await client.HtmlAsync(LinkTo(municipality, "23 de enero", ignoreCase: true));

        Assert.Contains("Panal 2021", parish);
        var crumbs = Crumbs(parish);
        Assert.Contains("Distrito Capital", crumbs);
        Assert.Contains("Libertador", crumbs);
    }

    [Fact]
    public async Task StatePage_UnknownId_Answers404()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);

        using var response = await client.GetAsync("/territorio/estado/99999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CommunesPage_ListsPanal_AndItsPageShowsCharterAndMemberCouncils()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);

        var communes = await client.HtmlAsync("/comunas");
        var panal = await client.HtmlAsync(LinkTo(communes, "Panal 2021"));

        Assert.Contains("Carta fundacional de la Comuna Socialista El Panal 2021", panal);
        Assert.Contains("Consejo Comunal Sector La Piedrita", panal);
        Assert.Contains("Consejo Comunal Monte Piedad", panal);
        Assert.Contains("Urbano", panal);
        // Every Panal council declares more than 400 families: the badge says so.
        Assert.Contains("Fuera de límites", panal);
    }

    /// <summary>The href of the link whose text is <paramref name="text"/>.</summary>
    internal static string LinkTo(string html, string text, bool ignoreCase = false)
    {
        var match = Regex.Match(html, $"<a href=\"([^\"]+)\">{Regex.Escape(text)}</a>", ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        Assert.True(match.Success, $"No link to '{text}' on the page.");
        return match.Groups[1].Value;
    }

    private static string Crumbs(string html)
    {
        var match = Regex.Match(html, "<nav class=\"crumbs\".*?</nav>", RegexOptions.Singleline);
        Assert.True(match.Success, "The page has no breadcrumbs.");
        return match.Value;
    }
}
