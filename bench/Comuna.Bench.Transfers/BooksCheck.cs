using Comuna.Application.Ledger;
using Comuna.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Bench.Transfers;

/// <summary>The commune's books at one moment: the journal's head and the sum of balances per currency.</summary>
internal sealed record BooksState(long LastSequence, IReadOnlyDictionary<string, long> Sums)
{
    public static async Task<BooksState> ReadAsync(ComunaOptions options, Guid communeId, CancellationToken ct)
    {
        await using var db = DatabaseRegistration.CreateContext(options);
        var head = await db.LedgerHeads.Where(h => h.CommuneId == communeId).Select(h => h.LastSequence).SingleAsync(ct);
        var sums = (await db.Accounts.Where(a => a.CommuneId == communeId).Select(a => new { a.Currency, a.Balance }).ToListAsync(ct))
            .GroupBy(a => a.Currency).ToDictionary(g => g.Key, g => g.Sum(a => a.Balance));
        return new BooksState(head, sums);
    }
}

/// <summary>
/// After a run, the books against what the clients were told: every acknowledged posting there
/// at its sequence with its hash, nothing posted that nobody was told of, the sums per currency
/// unchanged, no protected account below zero, and VerifyLedger's full recomputation.
/// </summary>
internal static class BooksCheck
{
    public static async Task<(bool Holds, string Verdict)> RunAsync(BankServer bank, BooksState before, LoadResult load, CancellationToken ct)
    {
        var problems = new List<string>();
        await using (var db = DatabaseRegistration.CreateContext(bank.Options))
        {
            var postings = await db.Transfers.AsNoTracking().Where(t => t.CommuneId == bank.CommuneId && t.Sequence > before.LastSequence)
                .Select(t => new { t.Id, t.Sequence, t.Hash }).ToDictionaryAsync(t => t.Id, ct);
            foreach (var (id, seen) in load.Acknowledged)
            {
                if (!postings.TryGetValue(id, out var p) || p.Sequence != seen.Sequence || p.Hash != seen.Hash)
                    problems.Add($"acknowledged {id} at {seen.Sequence} is not in the books as told");
            }
            if (postings.Count != load.Acknowledged.Count)
                problems.Add($"{postings.Count} postings for {load.Acknowledged.Count} acknowledgements");
            var negative = await db.Accounts.CountAsync(a => a.CommuneId == bank.CommuneId && !a.AllowNegative && a.Balance < 0, ct);
            if (negative > 0)
                problems.Add($"{negative} protected accounts below zero");
        }
        var after = await BooksState.ReadAsync(bank.Options, bank.CommuneId, ct);
        if (!after.Sums.OrderBy(s => s.Key).SequenceEqual(before.Sums.OrderBy(s => s.Key)))
            problems.Add("the sums per currency changed");
        await using var scope = bank.Services.CreateAsyncScope();
        var verified = (await scope.ServiceProvider.GetRequiredService<VerifyLedger>().ExecuteAsync(bank.CommuneId, ct)).Value;
        problems.AddRange(verified.Differences.Take(5));
        return problems.Count == 0
            ? (true, $"every one of {load.Acknowledged.Count} acknowledged postings in the books at its sequence and hash, none other; sums per currency unchanged; no protected account below zero; VerifyLedger holds over {verified.Postings} postings")
            : (false, "BOOKS DO NOT HOLD: " + string.Join("; ", problems.Take(10)));
    }
}
