using Comuna.Application.Ledger;
using Comuna.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Web.Tests.Ledger;

public sealed class DemoBooksTests
{
    [Theory, BothEngines]
    public async Task Demo_KeepsAYearOfBooks_ThatVerify_AndSpendOnlyUnderMandatesOfRecordedAssemblies(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        await using var scope = server.Services.CreateAsyncScope();
        await using var db = database.NewContext();

        foreach (var code in new[] { "COM-DC-PANAL2021", "COM-LA-ELMAIZAL" })
        {
            var communeId = await db.Communes.Where(c => c.Code == code).Select(c => c.Id).SingleAsync(ct);
            var verified = await scope.ServiceProvider.GetRequiredService<VerifyLedger>().ExecuteAsync(communeId, ct);
            Assert.True(verified.Value.Holds, string.Join("; ", verified.Value.Differences));
            Assert.True(verified.Value.Postings >= 20, $"{code} has only {verified.Value.Postings} postings.");

            var transfers = await db.Transfers.AsNoTracking().Where(t => t.CommuneId == communeId).ToListAsync(ct);
            var accounts = await db.Accounts.AsNoTracking().Where(a => a.CommuneId == communeId).ToDictionaryAsync(a => a.Id, ct);
            Assert.Equal(12, transfers.Select(t => t.PostedAtUtc.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).Distinct().Count());
            Assert.True(transfers.Max(t => t.PostedAtUtc) < DateTime.UtcNow, "The demo's year lies in the past.");
            var sources = transfers.Select(t => accounts[t.DebitAccountId].Source).Where(s => s is not null).Distinct().ToList();
            Assert.Contains(IncomeSource.OwnRevenue, sources);
            Assert.Contains(IncomeSource.StateFunds, sources);

            var spending = transfers.Where(t => t.ReversesId is null && accounts[t.CreditAccountId].Kind == AccountKind.Expense).ToList();
            Assert.NotEmpty(spending);
            foreach (var payment in spending)
            {
                Assert.NotNull(payment.DecisionId);
                var assemblyId = await db.Decisions.Where(d => d.Id == payment.DecisionId).Select(d => d.AssemblyId).SingleAsync(ct);
                Assert.True(await db.Minutes.AnyAsync(m => m.AssemblyId == assemblyId, ct), $"\"{payment.Memo}\" rests on an assembly without minutes.");
            }
            foreach (var decision in await db.Decisions.AsNoTracking().Where(d => spending.Select(p => p.DecisionId).Contains(d.Id)).ToListAsync(ct))
                Assert.Equal(spending.Where(p => p.DecisionId == decision.Id).Sum(p => p.Amount), decision.MandateSpentMinor);
        }
        Assert.Empty(await db.PendingTransfers.ToListAsync(ct));
        var approved = await db.Transfers.AsNoTracking().Where(t => t.ApprovedBy != null).ToListAsync(ct);
        Assert.NotEmpty(approved);
        Assert.All(approved, t => Assert.NotEqual(t.PostedBy, t.ApprovedBy));
    }
}
