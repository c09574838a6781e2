using System.Net.Http.Headers;
using System.Net.Http.Json;
using Comuna.Application.Demo;
using Comuna.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Testing;

/// <summary>
/// Comuna served by Kestrel on a free loopback port, on a <see cref="TestDatabase"/>: tests talk
/// to it over real HTTP, as a phone or a script would.
/// </summary>
public sealed class ComunaServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ComunaServer(WebApplication app, Uri address)
    {
        _app = app;
        BaseAddress = address;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ComunaServer> StartAsync(
        TestDatabase database, Action<IServiceCollection>? configure = null, Func<ComunaOptions, ComunaOptions>? adjust = null)
    {
        var options = adjust is null ? database.Options : adjust(database.Options);
        var app = ComunaApp.Build(options, configure: configure);
        app.Urls.Add("http://127.0.0.1:0");
        await StartupTasks.RunAsync(app.Services, CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ComunaServer(app, new Uri(address));
    }

    /// <summary>A client with no account.</summary>
    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    /// <summary>A client carrying the bearer token of <paramref name="username"/> (a demo account by default password).</summary>
    public async Task<HttpClient> SignedInAsync(string username, string password = SeedDemo.Password)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record TokenResponse(string AccessToken, long ExpiresIn);
}
