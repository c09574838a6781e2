using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Registry.Census;

/// <summary>
/// Writes a council's census as the CSV file <see cref="ImportCensus"/> reads, ordered by
/// household code and national id, streamed row by row from the database: exporting and
/// importing back changes nothing. Households without residents have no row to appear on.
/// </summary>
public sealed class ExportCensus(IComunaDb db)
{
    /// <summary>Writes the census to <paramref name="output"/> and returns the row count. Nothing is
    /// written unless the actor may read the census, so a caller can still answer with an error.</summary>
    public async Task<Result<int>> ExecuteAsync(Actor actor, Guid councilId, Stream output, CancellationToken cancellationToken)
    {
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == councilId, cancellationToken);
        if (council is null || !RegistryAccess.CanReadCensus(actor, council))
            return Error.NotFound("council", councilId);

        var rows = db.Residents.AsNoTracking()
            .Where(r => r.Household!.CouncilId == councilId)
            .OrderBy(r => r.Household!.Code).ThenBy(r => r.NationalId)
            .Select(r => new { r.Household!.Code, r.NationalId, r.FirstNames, r.LastNames, r.BirthDate, r.Sex, r.Household.Address })
            .AsAsyncEnumerable();

        await using var writer = new StreamWriter(output, CensusFormat.Encoding, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        await using var csv = new CsvWriter(writer, CensusFormat.Configuration() with { NewLine = "\n" });
        foreach (var column in CensusFormat.Columns)
            csv.WriteField(column);
        await csv.NextRecordAsync();
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            csv.WriteField(row.Code);
            csv.WriteField(row.NationalId);
            csv.WriteField(row.FirstNames);
            csv.WriteField(row.LastNames);
            csv.WriteField(row.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            csv.WriteField(ResidentRules.SexCode(row.Sex));
            csv.WriteField(row.Address);
            await csv.NextRecordAsync();
            count++;
        }
        await csv.FlushAsync();
        return count;
    }
}
