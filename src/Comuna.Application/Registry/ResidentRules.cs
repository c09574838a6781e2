using System.Globalization;
using System.Text.RegularExpressions;
using Comuna.Domain.Common;
using Comuna.Domain.Registry;

namespace Comuna.Application.Registry;

/// <summary>
/// How a resident's fields are checked and normalised, for a form, the API and every census
/// row alike, so that a record the import accepts is one the form accepts too.
/// </summary>
public static partial class ResidentRules
{
    /// <summary>The earliest birth date taken as real; older dates are typing errors.</summary>
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    /// <summary>A cédula: an optional V (Venezuelan) or E (foreign) prefix, then 4 to 10 digits.</summary>
    [GeneratedRegex(@"^[VE]-?\d{4,10}$|^\d{4,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex NationalIdPattern();

    /// <summary>Trims and upper-cases a national id; null with an error when it is not one.</summary>
    public static Result<string> NationalId(string? raw)
    {
        var value = raw?.Trim().ToUpperInvariant() ?? "";
        if (value.Length == 0)
            return Error.Invalid("national_id", "The national id is missing.");
        if (!NationalIdPattern().IsMatch(value))
            return Error.Invalid("national_id", $"'{value}' is not a national id (V or E, then 4 to 10 digits, e.g. V-12345678).");
        return value;
    }

    public static Result<string> Name(string field, string? raw)
    {
        var value = raw?.Trim() ?? "";
        if (value.Length == 0)
            return Error.Invalid(field, $"The field {field} is missing.");
        if (value.Length > 120)
            return Error.Invalid(field, $"The field {field} is longer than 120 characters.");
        return value;
    }

    public static Result<DateOnly> BirthDate(string? raw, DateOnly today)
    {
        var value = raw?.Trim() ?? "";
        if (value.Length == 0)
            return Error.Invalid("birth_date", "The birth date is missing.");
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return Error.Invalid("birth_date", $"'{value}' is not a date of the form YYYY-MM-DD.");
        return BirthDate(date, today);
    }

    public static Result<DateOnly> BirthDate(DateOnly date, DateOnly today)
    {
        if (date > today)
            return Error.Invalid("birth_date", $"The birth date {date:yyyy-MM-dd} is in the future.");
        if (date < EarliestBirthDate)
            return Error.Invalid("birth_date", $"The birth date {date:yyyy-MM-dd} is before {EarliestBirthDate:yyyy}.");
        return date;
    }

    /// <summary>F or M, as the census file writes them; the words in Spanish or English are taken too.</summary>
    public static Result<Sex> Sex(string? raw) => (raw?.Trim().ToUpperInvariant() ?? "") switch
    {
        "F" or "FEMALE" or "FEMENINO" => Domain.Registry.Sex.Female,
        "M" or "MALE" or "MASCULINO" => Domain.Registry.Sex.Male,
        "" => Error.Invalid("sex", "The sex is missing (F or M)."),
        var other => Error.Invalid("sex", $"'{other}' is not a sex; write F or M."),
    };

    public static string SexCode(Sex sex) => sex == Domain.Registry.Sex.Female ? "F" : "M";

    public static Result<string> HouseholdCode(string? raw)
    {
        var value = raw?.Trim() ?? "";
        if (value.Length == 0)
            return Error.Invalid("household_code", "The household code is missing.");
        if (value.Length > 40)
            return Error.Invalid("household_code", "The household code is longer than 40 characters.");
        return value;
    }

    public static Result<string> Address(string? raw)
    {
        var value = raw?.Trim() ?? "";
        if (value.Length == 0)
            return Error.Invalid("address", "The address is missing.");
        if (value.Length > 300)
            return Error.Invalid("address", "The address is longer than 300 characters.");
        return value;
    }
}
