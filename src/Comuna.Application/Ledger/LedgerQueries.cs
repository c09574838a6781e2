using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Ledger;

/// <summary>The books as the commune's members read them: every account's balance, every movement.</summary>
public sealed class LedgerQueries(IComunaDb db)
{
    public const int MaxPage = 1000;

    /// <summary>Whether <paramref name="actor"/> may read the commune's books (the commune's page links to them only then).</summary>
    public Task<bool> CanReadBooksAsync(Actor actor, Guid communeId, CancellationToken cancellationToken) =>
        LedgerAccess.CanReadBooksAsync(db, actor, communeId, cancellationToken);

    public async Task<Result<IReadOnlyList<AccountView>>> AccountsAsync(Actor actor, Guid communeId, CancellationToken cancellationToken)
    {
        var refusal = await RefusalAsync(actor, communeId, cancellationToken);
        if (refusal is not null)
            return refusal;
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.CommuneId == communeId).OrderBy(a => a.Code).ToListAsync(cancellationToken);
        return accounts.Select(a => new AccountView(a.Id, a.Code, a.Name, a.Kind, a.Currency, a.Balance, a.AllowNegative, a.Source, a.CouncilId)).ToList();
    }

    /// <summary>Postings after a sequence number, in order: a reader catches up page by page.</summary>
    public async Task<Result<IReadOnlyList<TransferView>>> TransfersAsync(
        Actor actor, Guid communeId, long? after, int? limit, CancellationToken cancellationToken)
    {
        var refusal = await RefusalAsync(actor, communeId, cancellationToken);
        if (refusal is not null)
            return refusal;
        var from = after ?? 0;
        var take = Math.Clamp(limit ?? 100, 1, MaxPage);
        var transfers = await db.Transfers.AsNoTracking().Where(t => t.CommuneId == communeId && t.Sequence > from)
            .OrderBy(t => t.Sequence).Take(take).ToListAsync(cancellationToken);
        return transfers.Select(TransferView.Of).ToList();
    }

    /// <summary>The latest postings before a sequence number (all when null), newest first: what a reader of the books looks at first.</summary>
    public async Task<Result<IReadOnlyList<TransferView>>> RecentTransfersAsync(
        Actor actor, Guid communeId, long? before, int limit, CancellationToken cancellationToken)
    {
        var refusal = await RefusalAsync(actor, communeId, cancellationToken);
        if (refusal is not null)
            return refusal;
        var until = before ?? long.MaxValue;
        var transfers = await db.Transfers.AsNoTracking().Where(t => t.CommuneId == communeId && t.Sequence < until)
            .OrderByDescending(t => t.Sequence).Take(Math.Clamp(limit, 1, MaxPage)).ToListAsync(cancellationToken);
        return transfers.Select(TransferView.Of).ToList();
    }

    /// <summary>Large outflows waiting for a second person of the finance unit, oldest first.</summary>
    public async Task<Result<IReadOnlyList<PendingView>>> PendingAsync(Actor actor, Guid communeId, CancellationToken cancellationToken)
    {
        var refusal = await RefusalAsync(actor, communeId, cancellationToken);
        if (refusal is not null)
            return refusal;
        var pending = await db.PendingTransfers.AsNoTracking().Where(p => p.CommuneId == communeId)
            .OrderBy(p => p.RequestedAtUtc).ToListAsync(cancellationToken);
        return pending.Select(p => new PendingView(p.Id, p.DebitAccountId, p.CreditAccountId, p.Amount, p.Currency, p.Memo, p.DecisionId, p.RequestedBy, p.RequestedAtUtc)).ToList();
    }

    /// <summary>The mandates the commune's assemblies (its councils' and its parliament's) gave to spend, with what is left of each.</summary>
    public async Task<Result<IReadOnlyList<MandateView>>> MandatesAsync(Actor actor, Guid communeId, CancellationToken cancellationToken)
    {
        var refusal = await RefusalAsync(actor, communeId, cancellationToken);
        if (refusal is not null)
            return refusal;
        var councils = db.Councils.Where(c => c.CommuneId == communeId).Select(c => (Guid?)c.Id);
        var decisions = await db.Decisions.AsNoTracking()
            .Where(d => d.MandateAmountMinor != null && (d.CommuneId == communeId || councils.Contains(d.CouncilId)))
            .OrderByDescending(d => d.DecidedAtUtc).ToListAsync(cancellationToken);
        return decisions.Select(d => new MandateView(d.Id, d.AssemblyId, d.MandatePurpose ?? d.Text, d.MandateCurrency!, d.MandateAmountMinor!.Value,
            d.MandateRemainingMinor!.Value, d.DecidedAtUtc)).ToList();
    }

    /// <summary>Income per month and currency, own revenue (enterprises, raffles, donations) against
    /// state funds, from the postings that draw on income accounts.</summary>
    public async Task<Result<IReadOnlyList<IncomeMonth>>> IncomeBySourceAsync(Actor actor, Guid communeId, CancellationToken cancellationToken)
    {
        var refusal = await RefusalAsync(actor, communeId, cancellationToken);
        if (refusal is not null)
            return refusal;
        var rows = await db.Transfers.AsNoTracking().Where(t => t.CommuneId == communeId && t.ReversesId == null)
            .Join(db.Accounts.Where(a => a.Kind == AccountKind.Income), t => t.DebitAccountId, a => a.Id,
                (t, a) => new { t.PostedAtUtc, t.Amount, t.Currency, a.Source })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => (Month: r.PostedAtUtc.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), r.Currency))
            .OrderBy(g => g.Key.Month).ThenBy(g => g.Key.Currency)
            .Select(g => new IncomeMonth(g.Key.Month, g.Key.Currency,
                g.Where(r => r.Source == IncomeSource.OwnRevenue).Sum(r => r.Amount),
                g.Where(r => r.Source == IncomeSource.StateFunds).Sum(r => r.Amount)))
            .ToList();
    }

    private async Task<Error?> RefusalAsync(Actor actor, Guid communeId, CancellationToken cancellationToken)
    {
        if (!await db.Communes.AnyAsync(c => c.Id == communeId, cancellationToken))
            return Error.NotFound("commune", communeId);
        return await LedgerAccess.CanReadBooksAsync(db, actor, communeId, cancellationToken) ? null : Error.NotFound("commune", communeId);
    }
}
