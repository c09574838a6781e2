using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comuna.Application.Demo;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Cli.Tests.Ledger;

/// <summary>
/// Jepsen's bank test on Comuna's own process: parallel clients send thousands of random
/// transfers that fight over a few accounts and one mandate, while the test kills <c>comuna
/// serve</c> with SIGKILL several times mid-load and starts it again on the same data. At the end
/// the books must agree with everything any client was told: every acknowledged posting is there,
/// once, at the sequence and with the hash the client saw; nothing else is; no money appeared or
/// vanished; no protected account went below zero; the mandate was never overspent; and
/// <c>comuna verify ledger</c> recomputes the whole journal without a difference.
/// </summary>
public sealed class LedgerCrashTests
{
    private const int Transfers = 2000;
    private const int Clients = 24;
    private const int Kills = 4;
    private const int Funds = 6;
    private const long OpeningDeposit = 20_000_000;

    /// <summary>Below the bank rules' second-approval threshold (50,000.00 VES), so every payment posts at once.</summary>
    private const long LargestPayment = 4_999_999;

    [Theory, BothEngines]
    public async Task SigkillMidLoad_FourTimes_LosesNoAcknowledgedTransfer_AndBreaksNoInvariant(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        var seed = Environment.TickCount;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        var (panal, decision, mandateAmount, spentBefore) = await ArrangeAsync(database, ct);

        var server = await ServeProcess.StartAsync(database.Options, ct);
        try
        {
            var token = await TokenAsync(server.BaseAddress, ct);
            var books = $"/api/v1/communes/{panal}";
            var (income, funds, supplier) = await OpenAccountsAsync(server.BaseAddress, books, token, ct);
            long headBefore;
            Dictionary<string, long> sumsBefore;
            await using (var db = database.NewContext())
            {
                headBefore = await db.LedgerHeads.Where(h => h.CommuneId == panal).Select(h => h.LastSequence).SingleAsync(ct);
                sumsBefore = await SumsAsync(db, panal, ct);
            }
            var plan = Plan(seed, income, funds, supplier, decision, mandateAmount - spentBefore);

            using var load = new TransferLoad(server.BaseAddress, books, token, seed);
            var running = load.RunAsync(plan, Clients, TimeSpan.FromSeconds(150), ct);
            var kills = new List<(int ExitCode, int InFlight, int Resolved)>();
            var clock = Stopwatch.StartNew();
            var restarts = TimeSpan.Zero;
            for (var k = 1; k <= Kills; k++)
            {
                // Kill at evenly spaced points of the load, while clients are sending.
                while (load.Resolved < k * Transfers / (Kills + 1) && !running.IsCompleted)
                    await Task.Delay(5, ct);
                var inFlight = load.InFlight;
                var exitCode = await server.KillAsync(ct);
                kills.Add((exitCode, inFlight, load.Resolved));
                await server.DisposeAsync();
                var restart = Stopwatch.StartNew();
                server = await ServeProcess.StartAsync(database.Options, ct);
                load.Server = server.BaseAddress;
                restarts += restart.Elapsed;
            }
            await running;
            var elapsed = clock.Elapsed;
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{engine}, seed {seed}: {load.Summary(plan.Count)} in {elapsed.TotalSeconds:F1} s ({restarts.TotalSeconds:F1} s of it restarting); kills at {string.Join(", ", kills.Select(k => $"{k.Resolved} resolved ({k.InFlight} in flight, exit {k.ExitCode})"))}");

            Assert.True(load.Violations.IsEmpty, string.Join("\n", load.Violations.Take(10)));
            Assert.True(load.Unresolved.IsEmpty, $"{load.Unresolved.Count} transfers got no definite answer in time; {load.Summary(plan.Count)}\n{server.Tail()}");
            Assert.Equal(Kills, kills.Count);
            Assert.All(kills, k => Assert.Equal(ServeProcess.KilledBySigkill, k.ExitCode));
            Assert.All(kills, k => Assert.True(k.InFlight > 0, "a kill found no request in flight"));
            Assert.InRange(load.Acknowledged.Count, Transfers / 4, Transfers);
            await server.DisposeAsync();

            await using (var db = database.NewContext())
            {
                var postings = await db.Transfers.AsNoTracking().Where(t => t.CommuneId == panal && t.Sequence > headBefore).ToListAsync(ct);
                var byId = postings.ToDictionary(t => t.Id);

                // Every acknowledged transfer is in the books, at the sequence and with the hash the client was told.
                foreach (var (id, seen) in load.Acknowledged)
                {
                    Assert.True(byId.TryGetValue(id, out var posted), $"acknowledged transfer {id} ({seen}) is not in the books");
                    Assert.Equal(seen, new Acknowledged(posted.Sequence, posted.Hash));
                }
                // Nothing else is: every transfer was retried until answered, so a posting nobody was told about would be one made twice or from nowhere.
                Assert.Empty(byId.Keys.Except(load.Acknowledged.Keys));
                Assert.Equal(postings.Count, postings.Select(t => t.Memo).Distinct().Count());
                foreach (var (id, code) in load.Refused.Where(r => !load.TimedOut.ContainsKey(r.Key)))
                    Assert.False(byId.ContainsKey(id), $"transfer {id} was refused ({code}) and posted");

                // No money appeared or vanished; no protected account went below zero.
                Assert.Equal(sumsBefore, await SumsAsync(db, panal, ct));
                Assert.Empty(await db.Accounts.Where(a => a.CommuneId == panal && !a.AllowNegative && a.Balance < 0).Select(a => a.Code).ToListAsync(ct));

                // The mandate was never overspent, and what it records spent is exactly what was paid under it.
                var mandate = await db.Decisions.AsNoTracking().SingleAsync(d => d.Id == decision, ct);
                Assert.InRange(mandate.MandateSpentMinor, spentBefore, mandateAmount);
                Assert.Equal(mandate.MandateSpentMinor - spentBefore, postings.Where(t => t.DecisionId == decision).Sum(t => t.Amount));
            }

            string[] target = database.Options.UsesPostgres
                ? ["--data", database.Options.DataDirectory, "--database", database.Options.DatabaseConnectionString!]
                : ["--data", database.Options.DataDirectory];
            var verified = await ComunaProcess.RunAsync(["verify", "ledger", "COM-DC-PANAL2021", .. target], ct);
            Assert.True(verified.ExitCode == 0, verified.Output + verified.Error);
            Assert.Contains("The books hold.", verified.Output, StringComparison.Ordinal);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>
    /// The random load: most transfers move money between a few funds in amounts that often exceed
    /// what the fund holds (insufficient-funds races); deposits keep money coming; payments to the
    /// supplier spend one mandate in slices that exhaust it (mandate-exceeded races); a few name no
    /// mandate at all.
    /// </summary>
    private static List<PlannedTransfer> Plan(int seed, Guid income, IReadOnlyList<Guid> funds, Guid supplier, Guid decision, long mandateRemaining)
    {
        var random = new Random(seed);
        var slice = Math.Clamp(mandateRemaining / 30, 1, LargestPayment * 2 / 3);
        return Enumerable.Range(0, Transfers).Select(i =>
        {
            var id = Guid.NewGuid();
            var from = funds[random.Next(funds.Count)];
            var memo = $"Carga {i}";
            return random.NextDouble() switch
            {
                < 0.60 => new PlannedTransfer(id, from, funds.Except([from]).ElementAt(random.Next(funds.Count - 1)), random.NextInt64(1, OpeningDeposit / 2), memo, null),
                < 0.80 => new PlannedTransfer(id, income, from, random.NextInt64(1, OpeningDeposit / 5), memo, null),
                < 0.95 => new PlannedTransfer(id, from, supplier, Math.Min(LargestPayment, random.NextInt64(slice / 2, slice * 3 / 2 + 1)), memo, decision),
                _ => new PlannedTransfer(id, from, supplier, random.NextInt64(1, 1_000_000), memo, null),
            };
        }).ToList();
    }

    /// <summary>Panal 2021 and the demo's open VES mandate with the least left, which the load will try to overspend.</summary>
    private static async Task<(Guid Panal, Guid Decision, long Amount, long Spent)> ArrangeAsync(TestDatabase database, CancellationToken ct)
    {
        await using var db = database.NewContext();
        var panal = await db.Communes.Where(c => c.Code == "COM-DC-PANAL2021").Select(c => c.Id).SingleAsync(ct);
        var councils = db.Councils.Where(c => c.CommuneId == panal).Select(c => (Guid?)c.Id);
        var mandates = await db.Decisions.AsNoTracking()
            .Where(d => d.MandateCurrency == "VES" && d.MandateAmountMinor > d.MandateSpentMinor && (d.CommuneId == panal || councils.Contains(d.CouncilId)))
            .ToListAsync(ct);
        var mandate = mandates.OrderBy(d => d.MandateAmountMinor - d.MandateSpentMinor).First();
        return (panal, mandate.Id, mandate.MandateAmountMinor!.Value, mandate.MandateSpentMinor);
    }

    private static async Task<string> TokenAsync(Uri server, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = server };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "finanzas.panal", password = SeedDemo.Password }, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
    }

    /// <summary>The accounts the load fights over, opened and funded through the API.</summary>
    private static async Task<(Guid Income, IReadOnlyList<Guid> Funds, Guid Supplier)> OpenAccountsAsync(Uri server, string books, string token, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = server };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        async Task<Guid> OpenAsync(object account)
        {
            var response = await client.PostAsJsonAsync($"{books}/accounts", account, ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        }
        var income = await OpenAsync(new { code = "CARGA-VENTAS", name = "Ventas (prueba de carga)", kind = "income", currency = "VES", source = "own-revenue" });
        var supplier = await OpenAsync(new { code = "CARGA-PROVEEDOR", name = "Proveedor (prueba de carga)", kind = "expense", currency = "VES" });
        var funds = new List<Guid>();
        for (var i = 1; i <= Funds; i++)
        {
            var fund = await OpenAsync(new { code = $"CARGA-FONDO-{i}", name = $"Fondo {i} (prueba de carga)", kind = "fund", currency = "VES" });
            var deposit = await client.PostAsJsonAsync($"{books}/transfers",
                new { id = Guid.NewGuid(), debitAccountId = income, creditAccountId = fund, amount = OpeningDeposit, currency = "VES", memo = $"Apertura del fondo {i}" }, ct);
            Assert.Equal(HttpStatusCode.Created, deposit.StatusCode);
            funds.Add(fund);
        }
        return (income, funds, supplier);
    }

    private static async Task<Dictionary<string, long>> SumsAsync(Comuna.Data.ComunaDbContext db, Guid communeId, CancellationToken ct) =>
        (await db.Accounts.AsNoTracking().Where(a => a.CommuneId == communeId).Select(a => new { a.Currency, a.Balance }).ToListAsync(ct))
            .GroupBy(a => a.Currency).ToDictionary(g => g.Key, g => g.Sum(a => a.Balance));
}
