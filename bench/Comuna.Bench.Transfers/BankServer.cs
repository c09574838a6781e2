using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Comuna.Application.Demo;
using Comuna.Application.Ledger;
using Comuna.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Bench.Transfers;

/// <summary>
/// Comuna served by Kestrel on a free loopback port, built exactly as <c>comuna serve</c> builds
/// it, on the demo's data, with the accounts the load moves money between: one income account and
/// <see cref="Funds"/> funds, each opened and funded through the API.
/// </summary>
internal sealed class BankServer : IAsyncDisposable
{
    public const int Funds = 100;
    public const long OpeningDeposit = 1_000_000_000;

    private readonly WebApplication _app;

    private BankServer(WebApplication app, Uri address, HttpClient http, Guid communeId)
    {
        _app = app;
        BaseAddress = address;
        Http = http;
        CommuneId = communeId;
    }

    public Uri BaseAddress { get; }
    public HttpClient Http { get; }
    public Guid CommuneId { get; }
    public string Books => $"/api/v1/communes/{CommuneId}";
    public Guid Income { get; private set; }
    public IReadOnlyList<Guid> FundIds { get; private set; } = [];
    public IServiceProvider Services => _app.Services;
    public ComunaOptions Options => _app.Services.GetRequiredService<ComunaOptions>();

    /// <summary>Loads the demo into <paramref name="options"/>' database, in a process of its own that then ends.</summary>
    public static async Task SeedAsync(ComunaOptions options, CancellationToken ct)
    {
        await using var app = ComunaApp.Build(options);
        await StartupTasks.RunAsync(app.Services, ct);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SeedDemo>().ExecuteAsync(ct);
    }

    /// <summary>
    /// Starts Comuna; without <paramref name="groupCommit"/>, every transfer is written in a transaction
    /// of its own (the scoped <see cref="JournalWriter"/> in place of the process's batcher): the
    /// one-round-trip-per-transfer baseline that group commit is measured against.
    /// </summary>
    public static async Task<BankServer> StartAsync(ComunaOptions options, bool groupCommit, CancellationToken ct)
    {
        var app = ComunaApp.Build(options, configure: groupCommit
            ? null
            : services => services.AddScoped<PostingJournal>(sp => sp.GetRequiredService<JournalWriter>()));
        app.Urls.Add("http://127.0.0.1:0");
        await StartupTasks.RunAsync(app.Services, ct);
        await app.StartAsync(ct);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Guid communeId;
        await using (var db = DatabaseRegistration.CreateContext(options))
            communeId = await db.Communes.Where(c => c.Code == "COM-DC-PANAL2021").Select(c => c.Id).SingleAsync(ct);
        // As many connections as clients: each client is one finance officer's program, sending one transfer after another.
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        var http = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "finanzas.panal", password = SeedDemo.Password }, ct);
        token.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString());
        var server = new BankServer(app, address, http, communeId);
        await server.OpenAccountsAsync(ct);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task OpenAccountsAsync(CancellationToken ct)
    {
        var run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        Income = await OpenAsync(new { code = $"BENCH-{run}-VENTAS", name = "Ventas (banco de pruebas)", kind = "income", currency = "VES", source = "own-revenue" }, ct);
        var funds = new List<Guid>();
        for (var i = 0; i < Funds; i++)
        {
            var fund = await OpenAsync(new { code = $"BENCH-{run}-F{i:000}", name = $"Fondo {i} (banco de pruebas)", kind = "fund", currency = "VES" }, ct);
            var deposit = await Http.PostAsJsonAsync($"{Books}/transfers",
                new { id = Guid.NewGuid(), debitAccountId = Income, creditAccountId = fund, amount = OpeningDeposit, currency = "VES", memo = $"Apertura del fondo {i}" }, ct);
            deposit.EnsureSuccessStatusCode();
            funds.Add(fund);
        }
        FundIds = funds;
    }

    private async Task<Guid> OpenAsync(object account, CancellationToken ct)
    {
        var response = await Http.PostAsJsonAsync($"{Books}/accounts", account, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
    }
}
