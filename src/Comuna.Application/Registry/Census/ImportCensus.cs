using System.Globalization;
using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Registry.Census;

/// <summary>
/// Loads a council's census from a CSV file (<see cref="CensusFormat"/>), all or nothing.
/// <para>
/// Outcomes, consistently: a file that cannot be read as a census at all (unknown council,
/// refused, wrong header, not UTF-8, changed underneath by someone else) is an <see cref="Error"/>;
/// a readable file is a <see cref="CensusImportReport"/>, which says <c>Succeeded = false</c> and
/// lists the bad rows by line when any row is bad, in which case nothing was saved.
/// </para>
/// <para>
/// Rows are keyed on national id and household code, so importing the same file twice changes
/// nothing the second time. Residents absent from the file are kept: a file may hold part of a census.
/// </para>
/// </summary>
public sealed class ImportCensus(IComunaDb db, TimeProvider clock)
{
    /// <summary>Rows written per round trip: large enough to amortise a query, small enough to keep memory flat.</summary>
    public const int BatchSize = 1000;

    /// <summary>The report lists this many bad rows and counts the rest.</summary>
    public const int MaxListedErrors = 1000;

    public async Task<Result<CensusImportReport>> ExecuteAsync(
        Actor actor, Guid councilId, Stream csv, IProgress<long>? bytesRead, CancellationToken cancellationToken)
    {
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == councilId, cancellationToken);
        if (council is null)
            return Error.NotFound("council", councilId);
        if (!RegistryAccess.CanEditCouncil(actor, council))
            return RegistryAccess.Refusal(actor, council);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var detectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        // Batches are small and changed by hand; scanning every tracked entity on each Add is what
        // makes large imports slow.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            // One transaction for the whole file: a half-imported census would be worse than none.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var run = new CensusImportRun(db, councilId, today);
            var read = await ReadAsync(run, csv, bytesRead, cancellationToken);
            if (!read.IsSuccess)
                return read.Error;
            var report = run.Report();
            if (report.Succeeded)
                await transaction.CommitAsync(cancellationToken);
            else
                await transaction.RollbackAsync(cancellationToken);
            return report;
        }
        catch (DbUpdateException)
        {
            return Error.Conflict("census-conflict",
                "The census changed while the file was being imported (someone added the same people); import the file again.");
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
        }
    }

    private static async Task<Result<bool>> ReadAsync(
        CensusImportRun run, Stream csv, IProgress<long>? bytesRead, CancellationToken cancellationToken)
    {
        try
        {
            using var input = new CensusInputStream(csv, bytesRead);
            using var reader = new StreamReader(input, CensusFormat.Encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
            using var parser = new CsvParser(reader, CensusFormat.Configuration());
            if (!await parser.ReadAsync())
                return HeaderError($"The file is empty; its first line must be the header {string.Join(',', CensusFormat.Columns)}.");
            var columns = Header(parser.Record ?? []);
            if (!columns.IsSuccess)
                return columns.Error;
            var index = columns.Value;
            string? Field(string name) => index[name] < parser.Count ? parser[index[name]] : null;

            while (await parser.ReadAsync())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var quoteLeftOpen = QuoteLeftOpen(parser);
                await run.AddAsync(StartLine(parser, quoteLeftOpen), parser.Count, quoteLeftOpen, Field, cancellationToken);
            }
            await run.FlushAsync(cancellationToken);
            return true;
        }
        catch (CensusEncodingException bad)
        {
            return new Error(CensusFormat.BadEncoding, bad.Message) { Text = bad.Text };
        }
    }

    private static Error HeaderError(FormattableString message) =>
        new(CensusFormat.BadHeader, message.ToString(CultureInfo.InvariantCulture), Field: "header") { Text = message };

    /// <summary>The header's faults, said one after another ("missing columns: sex; unknown columns: sexo").</summary>
    private sealed class Parts(IReadOnlyList<FormattableString> parts) : List<FormattableString>(parts)
    {
        public override string ToString() => string.Join("; ", this.Select(part => part.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>The position of each column, or an error naming the missing and unknown ones.</summary>
    private static Result<Dictionary<string, int>> Header(string[] header)
    {
        var names = header.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        var missing = CensusFormat.Columns.Where(c => !names.Contains(c)).ToList();
        var unknown = names.Where(n => !CensusFormat.Columns.Contains(n)).ToList();
        var repeated = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count > 0 || unknown.Count > 0 || repeated.Count > 0)
        {
            var parts = new List<FormattableString>();
            if (missing.Count > 0)
                parts.Add($"missing columns: {string.Join(", ", missing)}");
            if (unknown.Count > 0)
                parts.Add($"unknown columns: {string.Join(", ", unknown.Select(u => u.Length == 0 ? "(empty)" : u))}");
            if (repeated.Count > 0)
                parts.Add($"repeated columns: {string.Join(", ", repeated)}");
            return HeaderError($"Line 1 must name the columns {string.Join(',', CensusFormat.Columns)} (in any order); {new Parts(parts)}.");
        }
        return names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
    }

    /// <summary>
    /// Whether the record ends inside a quoted field, as the parser reads it: only a quote that
    /// opens a field quotes it (a quote inside an unquoted field — an inch mark, a nickname — is
    /// text), a doubled quote inside a quoted field is one quote, and a lone one closes it. The
    /// parser would have read the rest of the file into a field left open.
    /// </summary>
    private static bool QuoteLeftOpen(CsvParser parser)
    {
        var raw = parser.RawRecord.AsSpan();
        var quoted = false;
        var fieldStart = true;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (quoted)
            {
                if (c != '"')
                    continue;
                if (i + 1 < raw.Length && raw[i + 1] == '"')
                    i++;
                else
                    quoted = false;
            }
            else if (fieldStart && c == '"')
            {
                quoted = true;
                fieldStart = false;
            }
            else
            {
                fieldStart = c == CensusFormat.Delimiter;
            }
        }
        return quoted;
    }

    /// <summary>The physical line where the record begins: CsvHelper counts the line where it
    /// ends, and a quoted field may hold line breaks (with a quote left open, its last one too).</summary>
    private static int StartLine(CsvParser parser, bool quoteLeftOpen)
    {
        var raw = parser.RawRecord.AsSpan();
        var breaks = raw.Count('\n');
        if (raw.EndsWith("\n") && !quoteLeftOpen)
            breaks--;
        return parser.RawRow - breaks;
    }
}
