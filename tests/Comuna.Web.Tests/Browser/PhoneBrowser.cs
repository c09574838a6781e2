using Comuna.Application.Demo;
using Microsoft.Playwright;

namespace Comuna.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium, driven by Playwright on a phone-sized screen with JavaScript off — the pages
/// must work without any script. Skips the test, saying why, where Chromium is not installed.
/// </summary>
public sealed class PhoneBrowser : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IBrowserContext _context;

    private PhoneBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<PhoneBrowser> OpenAsync(Uri baseAddress)
    {
        if (!File.Exists(Chromium))
            Assert.Skip("Chromium is not installed at /usr/bin/chromium (apt-get install chromium)");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            JavaScriptEnabled = false,
        });
        return new PhoneBrowser(playwright, browser, context, await context.NewPageAsync());
    }

    /// <summary>Signs in through the Spanish sign-in form, as a person types it.</summary>
    public async Task SignInAsync(string username)
    {
        await Page.GotoAsync("/cuenta/entrar");
        await Page.GetByLabel("Usuario").FillAsync(username);
        await Page.GetByLabel("Contraseña").FillAsync(SeedDemo.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Entrar" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = $"Salir ({username})" })).ToBeVisibleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
