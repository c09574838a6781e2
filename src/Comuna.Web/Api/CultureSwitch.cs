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
            var back = volver is { Length: > 0 } && volver.StartsWith('/') && !volver.StartsWith("//", StringComparison.Ordinal) ? volver : "/";
            return Results.LocalRedirect(back);
        }).ExcludeFromDescription();
        return app;
    }
}
