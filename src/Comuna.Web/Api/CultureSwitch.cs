using Microsoft.AspNetCore.Localization;

namespace Comuna.Web.Api;

/// <summary>The language link on every page: remembers the choice in a cookie and goes back.</summary>
public static class CultureSwitch
{
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/idioma/{culture}", (string culture, string? volver, HttpContext context) =>
        {
            var chosen = culture == "en" ? "en" : "es";
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            // Only local paths: the switch must not become a way to send people elsewhere.
            return Results.LocalRedirect(IsLocalPath(volver) ? volver! : "/");
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Whether a path stays on this site: it starts with one '/', not "//" or "/\" (which
    /// browsers read as another host), and holds no control characters. Anything else goes home,
    /// rather than failing the redirect.
    /// </summary>
    public static bool IsLocalPath(string? path) =>
        path is { Length: > 0 } && path[0] == '/'
        && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
        && !path.Any(char.IsControl);
}
