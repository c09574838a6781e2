using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Comuna.Application.Access;
using Comuna.Application.Deliberation;
using Comuna.Application.Demo;
using Comuna.Application.Distribution;
using Comuna.Application.FoodPlan;
using Comuna.Application.Ledger;
using Comuna.Application.Registry;
using Comuna.Data;
using Comuna.Web.Access;
using Comuna.Web.Api;
using Comuna.Web.FoodPlan;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Comuna.Web.Hosting;

/// <summary>
/// Builds the Comuna web process: pages, the JSON API, accounts, and the chosen database. The
/// <c>comuna serve</c> command and the tests build it the same way.
/// </summary>
public static class ComunaApp
{
    public static readonly CultureInfo[] Cultures = [new("es"), new("en")];

    public static WebApplication Build(ComunaOptions options, string[]? args = null, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ApplicationName = typeof(ComunaApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddComunaDatabase(options);
        services.AddRegistry();
        services.AddDeliberation();
        services.AddLedger();
        services.AddDistribution();
        services.AddFoodPlan();
        services.AddWriteQueue();
        services.AddSingleton<PlanRuns>();
        services.AddSingleton<OrdersPdfGate>();
        // Stopping in good order, the server stops its plans and writes that they were interrupted.
        services.AddHostedService(provider => provider.GetRequiredService<PlanRuns>());
        services.AddScoped<IDemoFoodPlan, DemoFoodPlan>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentActor>();
        services.AddScoped<StartupTasks>();

        AddAccounts(services, options);

        services.AddLocalization(localization => localization.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(localization =>
        {
            localization.DefaultRequestCulture = new RequestCulture("es");
            localization.SupportedCultures = Cultures;
            localization.SupportedUICultures = Cultures;
            localization.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });
        // Spanish pages keep their accents as letters, not as &#xED; escapes that weigh more on a phone.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(encoder =>
            encoder.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages()
            .AddApplicationPart(typeof(ComunaApp).Assembly)
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(annotations =>
                annotations.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.ConfigureOptions<FormBindingMessages>();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestHandler>();
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddOpenApi("v1");
        services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = options.MaxCensusUploadBytes);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxCensusUploadBytes);
        services.AddHealthChecks();
        services.AddPageCompression();
        configure?.Invoke(services);

        var app = builder.Build();
        // First, so that every answer — pages, error pages, the API's problems — leaves compressed.
        app.UseResponseCompression();
        app.UseExceptionHandler();
        // The API answers errors with problem details; a person reading pages gets a page, in their language.
        app.UseWhen(context => IsApi(context.Request), api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApi(context.Request), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        // Routing after the re-execution, so that the error page's path is routed when it runs again.
        app.UseRouting();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/healthz");
        app.MapAuthApi();
        app.MapRegistryApi();
        app.MapDeliberationApi();
        app.MapProposalsApi();
        app.MapRecallsApi();
        app.MapParliamentApi();
        app.MapLedgerApi();
        app.MapDistributionApi();
        app.MapFoodPlanApi();
        app.MapCensusApi();
        app.MapCultureSwitch();
        app.MapRazorPages();
        return app;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static void AddAccounts(IServiceCollection services, ComunaOptions options)
    {
        var keys = new DirectoryInfo(Path.Combine(options.DataDirectory, "keys"));
        services.AddDataProtection().SetApplicationName("comuna").PersistKeysToFileSystem(keys);

        services.AddIdentityCore<ComunaUser>(identity =>
            {
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
                identity.Password.RequiredLength = 10;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireUppercase = false;
                identity.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<ComunaDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthentication(AccountSchemes.Default)
            .AddPolicyScheme(AccountSchemes.Default, "Bearer token or cookie", policy =>
                policy.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, bearer => bearer.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/cuenta/entrar";
            cookie.LogoutPath = "/cuenta/salir";
            cookie.AccessDeniedPath = "/cuenta/entrar";
            cookie.Cookie.Name = "comuna";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.SlidingExpiration = true;
            // The API answers 401 instead of sending a program to a sign-in page.
            cookie.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else
                    context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });
        services.AddAuthorization();
    }
}
