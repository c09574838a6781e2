using System.Text;
using Comuna.Application.Access;
using Comuna.Application.Registry.Census;
using Comuna.Data;
using Comuna.Domain.Access;
using Comuna.Domain.Common;
using Comuna.Domain.Registry;
using Comuna.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Comuna.Application.Tests.Registry;

/// <summary>
/// A demo database on one engine, the app's services built over it (with a fixed clock when a
/// test needs one), and the demo council DC-PANAL2021-CC01 with one of its spokespeople as the actor.
/// </summary>
public sealed class CensusHarness : IAsyncDisposable
{
    public const string CouncilCode = "DC-PANAL2021-CC01";

    private readonly WebApplication _app;

    private CensusHarness(TestDatabase database, WebApplication app, CommunalCouncil council)
    {
        Database = database;
        _app = app;
        Council = council;
        Spokesperson = new Actor("spokesperson", [new RoleAssignment { Role = Role.Spokesperson, CouncilId = council.Id, UserId = "spokesperson" }]);
    }

    public TestDatabase Database { get; }
    public CommunalCouncil Council { get; }
    public Actor Spokesperson { get; }

    /// <summary>The demo's birth dates are drawn back from the real today, so only tests that own
    /// all their rows may set <paramref name="now"/> earlier.</summary>
    public static async Task<CensusHarness> CreateAsync(DatabaseEngine engine, DateTimeOffset? now = null)
    {
        var database = await TestDatabase.CreateAsync(engine, demo: true);
        var app = ComunaApp.Build(database.Options, configure: services =>
        {
            if (now is { } fixedNow)
                services.AddSingleton<TimeProvider>(new FakeTimeProvider(fixedNow));
        });
        await using var db = database.NewContext();
        var council = await db.Councils.AsNoTracking().SingleAsync(c => c.Code == CouncilCode, TestContext.Current.CancellationToken);
        return new CensusHarness(database, app, council);
    }

    public ComunaDbContext NewContext() => Database.NewContext();

    public Task<Result<CensusImportReport>> ImportAsync(string csv, Actor? actor = null, Guid? councilId = null) =>
        ImportAsync(Encoding.UTF8.GetBytes(csv), actor, councilId);

    public async Task<Result<CensusImportReport>> ImportAsync(byte[] csv, Actor? actor = null, Guid? councilId = null)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        using var stream = new MemoryStream(csv);
        return await scope.ServiceProvider.GetRequiredService<ImportCensus>()
            .ExecuteAsync(actor ?? Spokesperson, councilId ?? Council.Id, stream, null, TestContext.Current.CancellationToken);
    }

    public async Task<(Result<int> Result, string Csv)> ExportAsync(Actor? actor = null)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        using var stream = new MemoryStream();
        var result = await scope.ServiceProvider.GetRequiredService<ExportCensus>()
            .ExecuteAsync(actor ?? Spokesperson, Council.Id, stream, TestContext.Current.CancellationToken);
        return (result, Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>Households and residents of the whole database, to show that nothing was written.</summary>
    public async Task<(int Households, int Residents)> CountAllAsync()
    {
        await using var db = NewContext();
        var ct = TestContext.Current.CancellationToken;
        return (await db.Households.CountAsync(ct), await db.Residents.CountAsync(ct));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await Database.DisposeAsync();
    }
}
