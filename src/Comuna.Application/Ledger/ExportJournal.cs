using System.Globalization;
using System.Text;
using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Ledger;

/// <summary>
/// The whole journal of a commune's bank, in order, for whoever reads its books — social
/// oversight first: streamed from the database as JSON or CSV, so a spreadsheet or a script can
/// recount every balance and recompute every hash without Comuna.
/// </summary>
public sealed class ExportJournal(IComunaDb db)
{
    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "sequence", "postedAt", "debitAccount", "debitAccountName", "creditAccount", "creditAccountName", "amount", "currency",
        "memo", "decisionId", "mandatePurpose", "assemblyId", "reversesId", "id", "postedBy", "approvedBy", "previousHash", "hash",
    ];

    public async Task<Result<IAsyncEnumerable<JournalLine>>> ExecuteAsync(Actor actor, Guid communeId, CancellationToken cancellationToken)
    {
        if (!await db.Communes.AnyAsync(c => c.Id == communeId, cancellationToken)
            || !await LedgerAccess.CanReadBooksAsync(db, actor, communeId, cancellationToken))
            return Error.NotFound("commune", communeId);
        // A commune has tens of accounts and mandates, and its journal may have millions of postings:
        // the former are looked up in memory, the latter streamed.
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.CommuneId == communeId)
            .ToDictionaryAsync(a => a.Id, a => (a.Code, a.Name), cancellationToken);
        var mandates = await db.Decisions.AsNoTracking()
            .Where(d => db.Transfers.Any(t => t.CommuneId == communeId && t.DecisionId == d.Id))
            .ToDictionaryAsync(d => d.Id, d => (d.MandatePurpose, d.AssemblyId), cancellationToken);
        var lines = db.Transfers.AsNoTracking().Where(t => t.CommuneId == communeId).OrderBy(t => t.Sequence).AsAsyncEnumerable()
            .Select(t => new JournalLine(
                t.Sequence, t.PostedAtUtc,
                accounts[t.DebitAccountId].Code, accounts[t.DebitAccountId].Name, accounts[t.CreditAccountId].Code, accounts[t.CreditAccountId].Name,
                t.Amount, t.Currency, t.Memo, t.DecisionId,
                t.DecisionId is { } d ? mandates[d].MandatePurpose : null,
                t.DecisionId is { } a ? mandates[a].AssemblyId : null,
                t.ReversesId, t.Id, t.PostedBy, t.ApprovedBy, t.PreviousHash, t.Hash));
        return Result<IAsyncEnumerable<JournalLine>>.Success(lines);
    }

    /// <summary>Writes <paramref name="lines"/> as UTF-8 CSV with a header row; amounts stay integers in minor units.</summary>
    public static async Task WriteCsvAsync(IAsyncEnumerable<JournalLine> lines, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
        foreach (var column in CsvColumns)
            csv.WriteField(column);
        await csv.NextRecordAsync();
        await foreach (var l in lines.WithCancellation(cancellationToken))
        {
            csv.WriteField(l.Sequence);
            csv.WriteField(l.PostedAt.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture));
            csv.WriteField(l.DebitAccount);
            csv.WriteField(l.DebitAccountName);
            csv.WriteField(l.CreditAccount);
            csv.WriteField(l.CreditAccountName);
            csv.WriteField(l.Amount);
            csv.WriteField(l.Currency);
            csv.WriteField(l.Memo);
            csv.WriteField(l.DecisionId?.ToString("D"));
            csv.WriteField(l.MandatePurpose);
            csv.WriteField(l.AssemblyId?.ToString("D"));
            csv.WriteField(l.ReversesId?.ToString("D"));
            csv.WriteField(l.Id.ToString("D"));
            csv.WriteField(l.PostedBy);
            csv.WriteField(l.ApprovedBy);
            csv.WriteField(l.PreviousHash);
            csv.WriteField(l.Hash);
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }
}
