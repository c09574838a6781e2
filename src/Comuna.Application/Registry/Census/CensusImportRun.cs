using System.Globalization;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Registry.Census;

/// <summary>
/// The state of one census file while it streams through: what must be remembered across the
/// whole file (each national id's first line, each household's first line, address and id) in
/// compact form, and one batch of rows at a time. Writes stop at the first bad row; checking
/// goes on to the end so that the report lists every bad row at once.
/// </summary>
internal sealed class CensusImportRun(IComunaDb db, Guid councilId, DateOnly today)
{
    private readonly Dictionary<long, int> _firstLineOfPerson = [];
    private readonly Dictionary<string, HouseholdState> _households = new(StringComparer.Ordinal);
    private readonly List<CensusRow> _batch = [];
    private readonly List<CensusRowError> _errors = [];
    private int _rowsWritten;
    private int _rowsWrittenAtLastStatistics = StatisticsThreshold / 2;

    /// <summary>Below this many rows (a real council has at most a few thousand residents) statistics are left alone.</summary>
    private const int StatisticsThreshold = 8 * ImportCensus.BatchSize;

    public int Rows { get; private set; }
    public int HouseholdsCreated { get; private set; }
    public int HouseholdsUpdated { get; private set; }
    public int ResidentsCreated { get; private set; }
    public int ResidentsUpdated { get; private set; }
    public int ResidentsUnchanged { get; private set; }
    public int ErrorCount { get; private set; }

    /// <summary>Checks one row's fields and its consistency with the rows before it; a good row
    /// joins the batch, which is saved when full.</summary>
    public async Task AddAsync(int line, int fieldCount, bool quoteLeftOpen, Func<string, string?> field, CancellationToken cancellationToken)
    {
        Rows++;
        var errorsBefore = ErrorCount;
        if (quoteLeftOpen)
        {
            // The parser reads everything after an unclosed quote as one field: the rows after it
            // would vanish into this row's field without a word.
            Fail(line, "", CensusFormat.MalformedRow,
                $"A quoted field is opened here and never closed, so every line after it would be read into it. Close the quote, and write a quote inside a quoted field as two (\"\").");
            return;
        }
        if (fieldCount > CensusFormat.Columns.Count)
        {
            Fail(line, "", CensusFormat.MalformedRow,
                $"The row has {fieldCount} fields; the header has {CensusFormat.Columns.Count}. Quote fields that contain commas.");
            return;
        }

        var code = ResidentRules.HouseholdCode(field(CensusFormat.HouseholdCode));
        var nationalId = ResidentRules.NationalId(field(CensusFormat.NationalId));
        var firstNames = ResidentRules.Name(CensusFormat.FirstNames, field(CensusFormat.FirstNames));
        var lastNames = ResidentRules.Name(CensusFormat.LastNames, field(CensusFormat.LastNames));
        var birthDate = ResidentRules.BirthDate(field(CensusFormat.BirthDate), today);
        var sex = ResidentRules.Sex(field(CensusFormat.Sex));
        var address = ResidentRules.Address(field(CensusFormat.Address));
        foreach (var error in new[] { code.Error, nationalId.Error, firstNames.Error, lastNames.Error, birthDate.Error, sex.Error, address.Error })
        {
            if (error is not null)
                Fail(line, error.Field ?? "", error.Code, error.Text ?? Error.Fixed(error.Message));
        }
        if (ErrorCount > errorsBefore)
            return;

        var key = NationalIdKey.Of(nationalId.Value);
        if (_firstLineOfPerson.TryGetValue(key, out var firstLine))
        {
            Fail(line, CensusFormat.NationalId, CensusFormat.DuplicateNationalId,
                $"The person {nationalId.Value} is also on line {firstLine}; a person lives in one household.");
            return;
        }
        _firstLineOfPerson[key] = line;

        var addressHash = Fnv1a(address.Value);
        if (_households.TryGetValue(code.Value, out var household))
        {
            if (household.AddressHash != addressHash)
            {
                Fail(line, CensusFormat.Address, CensusFormat.HouseholdAddressConflict,
                    $"The household {code.Value} has another address on line {household.FirstLine}; a household has one address.");
                return;
            }
        }
        else
        {
            _households[code.Value] = new HouseholdState(line, addressHash);
        }

        _batch.Add(new CensusRow(line, code.Value, nationalId.Value, firstNames.Value, lastNames.Value, birthDate.Value, sex.Value, address.Value));
        if (_batch.Count >= ImportCensus.BatchSize)
            await FlushAsync(cancellationToken);
    }

    /// <summary>Checks the rows of the batch against the database and, while the file is still
    /// clean, writes them; the change tracker is emptied after each batch so memory stays flat.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_batch.Count == 0)
            return;
        var ids = _batch.Select(r => r.NationalId).ToList();
        var existing = await db.Residents.AsTracking()
            .Where(r => ids.Contains(r.NationalId))
            .Select(r => new { Resident = r, r.Household!.CouncilId, HouseholdCode = r.Household.Code })
            .ToDictionaryAsync(r => r.Resident.NationalId, StringComparer.Ordinal, cancellationToken);

        var accepted = new List<CensusRow>(_batch.Count);
        foreach (var row in _batch)
        {
            if (existing.TryGetValue(row.NationalId, out var found) && (found.CouncilId != councilId || found.HouseholdCode != row.HouseholdCode))
            {
                Fail(row.Line, CensusFormat.NationalId, CensusFormat.PersonInTwoHouseholds, found.CouncilId == councilId
                    ? (FormattableString)$"The person {row.NationalId} is already registered in household {found.HouseholdCode} of this council."
                    : $"The person {row.NationalId} is already registered in a household of another council.");
                continue;
            }
            accepted.Add(row);
        }
        _batch.Clear();
        if (ErrorCount > 0)
        {
            db.ChangeTracker.Clear();
            return;
        }

        var newHouseholds = await ResolveHouseholdsAsync(accepted, cancellationToken);
        var created = new List<Resident>();
        foreach (var row in accepted)
        {
            if (existing.TryGetValue(row.NationalId, out var found))
            {
                var resident = found.Resident;
                if (resident.FirstNames == row.FirstNames && resident.LastNames == row.LastNames
                    && resident.BirthDate == row.BirthDate && resident.Sex == row.Sex)
                {
                    ResidentsUnchanged++;
                    continue;
                }
                resident.FirstNames = row.FirstNames;
                resident.LastNames = row.LastNames;
                resident.BirthDate = row.BirthDate;
                resident.Sex = row.Sex;
                ResidentsUpdated++;
                continue;
            }
            created.Add(new Resident
            {
                Id = Guid.CreateVersion7(),
                HouseholdId = _households[row.HouseholdCode].Id,
                NationalId = row.NationalId,
                FirstNames = row.FirstNames,
                LastNames = row.LastNames,
                BirthDate = row.BirthDate,
                Sex = row.Sex,
            });
            ResidentsCreated++;
        }
        // Changed households and residents through the change tracker; new ones, most of a first
        // census, in bulk: the households first, which the residents refer to.
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await db.InsertManyAsync(newHouseholds, cancellationToken);
        await db.InsertManyAsync(created, cancellationToken);
        _rowsWritten += accepted.Count;
        await RefreshStatisticsAsync(cancellationToken);
    }

    /// <summary>
    /// PostgreSQL plans each batch's lookups from table statistics, which autovacuum cannot bring
    /// up to date while this transaction is open (it does not see the uncommitted rows). With
    /// statistics that say the tables are empty, the lookups become scans and a large import
    /// slows quadratically. ANALYZE inside the transaction counts its own rows. It runs each time
    /// the rows written double, so its total cost stays a small multiple of the last run; SQLite
    /// takes the same statement.
    /// </summary>
    private async Task RefreshStatisticsAsync(CancellationToken cancellationToken)
    {
        if (_rowsWritten < StatisticsThreshold || _rowsWritten < 2 * _rowsWrittenAtLastStatistics)
            return;
        _rowsWrittenAtLastStatistics = _rowsWritten;
        foreach (var table in new[] { db.Residents.EntityType, db.Households.EntityType })
        {
            var name = table.GetSchema() is { } schema ? $"\"{schema}\".\"{table.GetTableName()}\"" : $"\"{table.GetTableName()}\"";
            // The name comes from the model, never from the file.
            var analyze = "ANALYZE " + name;
            await db.Database.ExecuteSqlRawAsync(analyze, cancellationToken);
        }
    }

    public CensusImportReport Report()
    {
        var succeeded = ErrorCount == 0;
        return succeeded
            ? new CensusImportReport(Rows, HouseholdsCreated, HouseholdsUpdated, ResidentsCreated, ResidentsUpdated, ResidentsUnchanged, 0, [], true)
            : new CensusImportReport(Rows, 0, 0, 0, 0, 0, ErrorCount, _errors.OrderBy(e => e.Line).ToList(), false);
    }

    /// <summary>Finds the households the batch's rows are the first to name, or makes them: the new ones are for the caller to write.</summary>
    private async Task<List<Household>> ResolveHouseholdsAsync(List<CensusRow> rows, CancellationToken cancellationToken)
    {
        var created = new List<Household>();
        var firstRows = rows.Where(r => _households[r.HouseholdCode].Id == Guid.Empty)
            .DistinctBy(r => r.HouseholdCode, StringComparer.Ordinal).ToList();
        if (firstRows.Count == 0)
            return created;
        var codes = firstRows.Select(r => r.HouseholdCode).ToList();
        var stored = await db.Households.AsTracking()
            .Where(h => h.CouncilId == councilId && codes.Contains(h.Code))
            .ToDictionaryAsync(h => h.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var row in firstRows)
        {
            var state = _households[row.HouseholdCode];
            if (stored.TryGetValue(row.HouseholdCode, out var household))
            {
                state.Id = household.Id;
                if (household.Address != row.Address)
                {
                    household.Address = row.Address;
                    HouseholdsUpdated++;
                }
                continue;
            }
            state.Id = Guid.CreateVersion7();
            created.Add(new Household { Id = state.Id, CouncilId = councilId, Code = row.HouseholdCode, Address = row.Address });
            HouseholdsCreated++;
        }
        return created;
    }

    private void Fail(int line, string field, string code, FormattableString message)
    {
        ErrorCount++;
        if (_errors.Count < ImportCensus.MaxListedErrors)
            _errors.Add(new CensusRowError(line, field, code, message.ToString(CultureInfo.InvariantCulture)) { Text = message });
    }

    /// <summary>64-bit FNV-1a: compares a household's addresses across the file without keeping them.</summary>
    private static long Fnv1a(string text)
    {
        unchecked
        {
            var hash = (long)14695981039346656037UL;
            foreach (var c in text)
            {
                hash ^= c;
                hash *= 1099511628211L;
            }
            return hash;
        }
    }

    private sealed class HouseholdState(int firstLine, long addressHash)
    {
        public int FirstLine { get; } = firstLine;
        public long AddressHash { get; } = addressHash;

        /// <summary>Empty until the household is found in or added to the database.</summary>
        public Guid Id { get; set; }
    }
}
