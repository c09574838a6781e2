using System.Text.Json;
using Comuna.Application.Common;
using Comuna.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>
/// What the minutes say of the commune's books: the postings since the commune's previous minutes
/// (sequence numbers, count, income and spending per currency) and the hash of the last one. The
/// checkpoint covers it, so a printed acta also proves the books up to that posting: rewriting one
/// breaks the journal's chain, and the acta still names the hash the chain must end in.
/// </summary>
public sealed record MinutesBooks(long FromSequence, long ToSequence, int Postings, string? LastHash, IReadOnlyList<MinutesBooksTotal> Totals)
{
    /// <summary>
    /// The postings of <paramref name="communeId"/> after those the commune's previous minutes
    /// (written before <paramref name="writtenAtUtc"/>) covered, up to <paramref name="upTo"/> — the
    /// journal's head now, or the sequence recorded when minutes are recomposed to be verified.
    /// </summary>
    public static async Task<MinutesBooks> ComposeAsync(IComunaDb db, Guid communeId, DateTime writtenAtUtc, long? upTo, CancellationToken cancellationToken)
    {
        var to = upTo ?? await db.LedgerHeads.AsNoTracking().Where(h => h.CommuneId == communeId)
            .Select(h => (long?)h.LastSequence).FirstOrDefaultAsync(cancellationToken) ?? 0;
        var from = await PreviousToSequenceAsync(db, communeId, writtenAtUtc, cancellationToken);
        var postings = await db.Transfers.AsNoTracking().Where(t => t.CommuneId == communeId && t.Sequence > from && t.Sequence <= to)
            .Select(t => new
            {
                t.Sequence,
                t.Amount,
                t.Currency,
                t.Hash,
                Income = db.Accounts.Any(a => a.Id == t.DebitAccountId && a.Kind == AccountKind.Income),
                Spending = db.Accounts.Any(a => a.Id == t.CreditAccountId && a.Kind == AccountKind.Expense),
            })
            .ToListAsync(cancellationToken);
        var totals = postings.GroupBy(p => p.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MinutesBooksTotal(g.Key, g.Count(), g.Where(p => p.Income).Sum(p => p.Amount), g.Where(p => p.Spending).Sum(p => p.Amount)))
            .ToList();
        var last = postings.MaxBy(p => p.Sequence);
        return new MinutesBooks(from, to, postings.Count, last?.Hash, totals);
    }

    /// <summary>Where the commune's latest earlier minutes left the books: the postings after it are this acta's to record.</summary>
    private static async Task<long> PreviousToSequenceAsync(IComunaDb db, Guid communeId, DateTime writtenAtUtc, CancellationToken cancellationToken)
    {
        var assemblies = db.Assemblies.Where(a => a.CommuneId == communeId || db.Councils.Any(c => c.Id == a.CouncilId && c.CommuneId == communeId))
            .Select(a => a.Id);
        var previous = await db.Minutes.AsNoTracking().Where(m => assemblies.Contains(m.AssemblyId) && m.WrittenAtUtc < writtenAtUtc)
            .OrderByDescending(m => m.WrittenAtUtc).ThenByDescending(m => m.Id).Select(m => m.Content).FirstOrDefaultAsync(cancellationToken);
        if (previous is null)
            return 0;
        return JsonSerializer.Deserialize<MinutesContent>(previous, MinutesWriter.Canonical)?.Books?.ToSequence ?? 0;
    }
}

/// <summary>One currency's share of the postings an acta records: how many, what came in from income, what went out to expenses.</summary>
public sealed record MinutesBooksTotal(string Currency, int Postings, long Income, long Spending);
