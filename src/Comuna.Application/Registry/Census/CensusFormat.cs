using System.Globalization;
using System.Text;
using CsvHelper.Configuration;

namespace Comuna.Application.Registry.Census;

/// <summary>
/// The census file as councils exchange it: UTF-8 CSV with one resident per row and the seven
/// columns below, in any order. Import and export share this, so what one writes the other reads.
/// </summary>
public static class CensusFormat
{
    public const string HouseholdCode = "household_code";
    public const string NationalId = "national_id";
    public const string FirstNames = "first_names";
    public const string LastNames = "last_names";
    public const string BirthDate = "birth_date";
    public const string Sex = "sex";
    public const string Address = "address";

    /// <summary>The columns in the order the export writes them.</summary>
    public static readonly IReadOnlyList<string> Columns = [HouseholdCode, NationalId, FirstNames, LastNames, BirthDate, Sex, Address];

    /// <summary>Strict UTF-8: a byte that is not UTF-8 is an error to report, never a silent '�'.</summary>
    public static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Error codes a caller can act on.</summary>
    public const string BadHeader = "census-bad-header";
    public const string BadEncoding = "census-bad-encoding";
    public const string DuplicateNationalId = "duplicate-national-id";
    public const string PersonInTwoHouseholds = "person-in-two-households";
    public const string HouseholdAddressConflict = "household-address-conflict";
    public const string MalformedRow = "malformed-row";

    /// <summary>What separates the fields of a line.</summary>
    public const char Delimiter = ',';

    public static CsvConfiguration Configuration() => new(CultureInfo.InvariantCulture)
    {
        Delimiter = Delimiter.ToString(),
        HasHeaderRecord = true,
        // A blank line would shift nothing but count as a row without fields; skip it.
        IgnoreBlankLines = true,
        TrimOptions = TrimOptions.None,
        // Rows are checked field by field by the importer; CsvHelper must not throw on them.
        BadDataFound = null,
        MissingFieldFound = null,
        DetectColumnCountChanges = false,
    };
}
