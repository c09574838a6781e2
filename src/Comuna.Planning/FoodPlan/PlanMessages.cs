using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Comuna.Planning.FoodPlan;

/// <summary>
/// Every sentence that refuses a plan's input, as a template and its arguments. The English is the
/// template itself (the command line and the API say it); a page looks the template up in its
/// resources and says it in Spanish, with <see cref="Term"/> arguments looked up the same way and
/// a <see cref="PlanEntry"/> named as the person wrote it. Keeping them all here lets a test check
/// that every one has its Spanish.
/// </summary>
public static class PlanMessages
{
    /// <summary>The words that stand inside the sentences and are said in the page's language too: the names of the tables (as the page labels them) and of what the JSON expects.</summary>
    public static readonly IReadOnlyList<string> Terms =
    [
        "Products", "Places", "Harvest lots", "Needs", "Routes", "Import options", "Penalties", "basket",
        "an unknown position", "an object", "a list (in [ ])", "a value of another kind",
        "an object with products, places, lots, needs, routes, imports and penalties",
    ];

    /// <summary>A word said in the page's language (one of <see cref="Terms"/>).</summary>
    public static FormattableString Term(string english) => FormattableStringFactory.Create(english);

    // Lines of the tables and of the basket, as a person types them.

    /// <summary>Line <paramref name="line"/> of the table that holds a list of the input (<c>lots</c>), or of the basket.</summary>
    public static FormattableString Line(string list, int line, string text) => $"{TableName(list)} line {line} (\"{text}\")";

    /// <summary>The name of the table that holds a list of the input, as the page labels it.</summary>
    public static FormattableString TableName(string list) => Term(list switch
    {
        "products" => "Products",
        "places" => "Places",
        "lots" => "Harvest lots",
        "needs" => "Needs",
        "routes" => "Routes",
        "imports" => "Import options",
        "penalties" => "Penalties",
        _ => list,
    });

    public static FormattableString FieldCount(FormattableString line, int expected, int found) => $"{line}: expected {expected} fields apart by semicolons, found {found}.";
    public static FormattableString FieldCountRange(FormattableString line, int least, int most, int found) => $"{line}: expected {least} to {most} fields apart by semicolons, found {found}.";
    public static FormattableString AmbiguousNumber(FormattableString line, string field) => $"{line}: \"{field}\" could be thousands or decimals; write 1500 for thousands, 1,5 or 1.50 for decimals.";
    public static FormattableString NotANumber(FormattableString line, string field) => $"{line}: \"{field}\" is not a number.";
    public static FormattableString BasketLineShape(FormattableString line) => $"{line}: expected a product and a quantity per family.";
    public static FormattableString NotAQuantity(FormattableString line, string field) => $"{line}: \"{field}\" is not a quantity.";
    public static FormattableString BasketNegative(FormattableString line, string field) => $"{line}: quantity {field} is negative.";
    public static FormattableString BasketRepeat(FormattableString line, string product, int earlier) => $"{line}: product \"{product}\" is already on line {earlier}.";
    public static FormattableString BasketEmpty() => $"The basket is empty: write one product a line, with its quantity per family.";
    public static FormattableString BasketUnknownProduct(int line, string product, string products) => $"basket line {line}: unknown product \"{product}\"; the plan's products are {products}.";
    public static FormattableString BasketUnknownProductNoProducts(int line, string product) => $"basket line {line}: unknown product \"{product}\"; the plan has no products.";

    // The JSON document.
    public static FormattableString InputNull() => $"Malformed JSON: the input is null; expected an object with products, places, lots, needs, routes and imports.";
    public static FormattableString Position(long line, long column) => $"line {line}, position {column}";
    public static FormattableString Expected(FormattableString what) => $"expected {what} here.";
    public static FormattableString MalformedJson(FormattableString position, object reason) => $"Malformed JSON at {position}: {reason}";
    public static FormattableString MalformedJsonAt(FormattableString position, string path, object reason) => $"Malformed JSON at {position} (at {path}): {reason}";

    // The JSON parser's own sentences, the commonest of them, so that they are said in the page's language too;
    // the English is the parser's, but for the few that speak of its workings (see ParserSentences).
    public static FormattableString InvalidStartOfValue(string found) => $"'{found}' is an invalid start of a value.";
    public static FormattableString InvalidAfterValue(string found) => $"'{found}' is invalid after a value. Expected either ',', '}}', or ']'.";
    public static FormattableString InvalidEndOfNumber(string found) => $"'{found}' is an invalid end of a number. Expected a delimiter.";
    public static FormattableString InvalidAfterDocument(string found) => $"'{found}' is invalid after a single JSON value. Expected end of data.";
    public static FormattableString InvalidStartOfPropertyName(string found) => $"'{found}' is an invalid start of a property name. Expected a '\"'.";
    public static FormattableString InvalidAfterPropertyName(string found) => $"'{found}' is invalid after a property name. Expected a ':'.";
    public static FormattableString InvalidWithinString(string found) => $"'{found}' is invalid within a JSON string. The string should be correctly escaped.";
    public static FormattableString LeftOpen() => $"The JSON ends with an object or a list left open.";
    public static FormattableString StringLeftOpen() => $"Expected end of string, but instead reached end of data.";
    public static FormattableString TrailingCommaInList() => $"A list ends with a comma too many before ']': remove it.";
    public static FormattableString TrailingCommaInObject() => $"An object ends with a comma too many before its closing brace: remove it.";
    public static FormattableString InvalidLiteral(string found, string expected) => $"'{found}' is an invalid JSON literal. Expected the literal '{expected}'.";
    public static FormattableString LeadingZero(string found) => $"Invalid leading zero before '{found}'.";
    public static FormattableString InvalidAfterDecimalPoint(string found) => $"'{found}' is invalid within a number, immediately after a decimal point ('.'). Expected a digit ('0'-'9').";
    public static FormattableString InvalidAfterSign(string found) => $"'{found}' is invalid within a number, immediately after a sign character ('+' or '-'). Expected a digit ('0'-'9').";
    public static FormattableString InvalidEndOfNumberBeforeExponent(string found) => $"'{found}' is an invalid end of a number. Expected 'E' or 'e'.";
    public static FormattableString InvalidEscape(string found) => $"'{found}' is an invalid escapable character within a JSON string. The string should be correctly escaped.";
    public static FormattableString NotAHexDigit(string found) => $"'{found}' is not a hex digit following '\\u' within a JSON string. The string should be correctly escaped.";
    public static FormattableString ValueLeftOut() => $"Expected a value, but instead reached end of data.";
    public static FormattableString DigitLeftOut() => $"Expected a digit ('0'-'9'), but instead reached end of data.";
    public static FormattableString EndsAfterComma() => $"Expected start of a property name or value, but instead reached end of data.";
    public static FormattableString NoJson() => $"The input is empty: there is no JSON in it.";

    /// <summary>Text where a number belongs: the parser's own sentence speaks of .NET's doubles.</summary>
    public static FormattableString NotANumberValue(string written) => $"\"{written}\" is not a number; write it in digits, without quotes, with a decimal point: 12.5.";

    /// <summary>The parser's sentence as one of the templates above where it is one of them, else as it is (English).</summary>
    public static object ParserReason(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        foreach (var (pattern, say) in ParserSentences)
        {
            if (pattern.Match(reason) is { Success: true } match)
                return say([.. match.Groups.Cast<Group>().Skip(1).Select(value => value.Value)]);
        }
        return reason;
    }

    private static readonly (Regex Pattern, Func<string[], FormattableString> Say)[] ParserSentences =
    [
        Sentence(InvalidStartOfValue), Sentence(InvalidAfterValue), Sentence(InvalidEndOfNumber), Sentence(InvalidAfterDocument),
        Sentence(InvalidStartOfPropertyName), Sentence(InvalidAfterPropertyName), Sentence(InvalidWithinString),
        Sentence(LeftOpen, "Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed."),
        Sentence(StringLeftOpen),
        Sentence(TrailingCommaInList, "The JSON array contains a trailing comma at the end which is not supported in this mode. Change the reader options."),
        Sentence(TrailingCommaInObject, "The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options."),
        Sentence((found, expected) => InvalidLiteral(Word(found), expected)),
        Sentence(LeadingZero), Sentence(InvalidAfterDecimalPoint), Sentence(InvalidAfterSign), Sentence(InvalidEndOfNumberBeforeExponent),
        Sentence(InvalidEscape), Sentence(NotAHexDigit), Sentence(ValueLeftOut), Sentence(DigitLeftOut), Sentence(EndsAfterComma),
        Sentence(NoJson, "The input does not contain any JSON tokens. Expected the input to start with a valid JSON token, when isFinalBlock is true."),
    ];

    /// <summary>
    /// The mistyped literal as written: the parser quotes everything from it to the end of the
    /// document, which on a page would be the rest of the file.
    /// </summary>
    private static string Word(string found)
    {
        var end = found.AsSpan().IndexOfAny(" \t\r\n,:}]");
        var word = end < 0 ? found : found[..end];
        return word.Length <= 20 ? word : word[..20] + "…";
    }

    /// <summary>
    /// A sentence of the parser's said in other words: those that speak of its own workings (its
    /// depth, its tokens, its reader options) to someone who only wrote a file.
    /// </summary>
    private static (Regex, Func<string[], FormattableString>) Sentence(Func<FormattableString> say, string parserSentence) =>
        (new Regex($"^{Regex.Escape(parserSentence)}$", RegexOptions.CultureInvariant), _ => say());

    private static (Regex, Func<string[], FormattableString>) Sentence(Func<FormattableString> say) => Sentence(_ => say(), 0);

    private static (Regex, Func<string[], FormattableString>) Sentence(Func<string, FormattableString> say) => Sentence(found => say(found[0]), 1);

    private static (Regex, Func<string[], FormattableString>) Sentence(Func<string, string, FormattableString> say) => Sentence(found => say(found[0], found[1]), 2);

    /// <summary>
    /// The pattern of the parser's sentence a template says, read from the template itself: what
    /// stands for each of its <paramref name="values"/> (the character found, the literal expected) matches any text.
    /// </summary>
    private static (Regex, Func<string[], FormattableString>) Sentence(Func<string[], FormattableString> say, int values)
    {
        var markers = Enumerable.Range(1, values).Select(i => ((char)i).ToString()).ToArray();
        var sentence = Regex.Escape(FormattableString.Invariant(say(markers)));
        foreach (var marker in markers)
            sentence = sentence.Replace(marker, "(.+)", StringComparison.Ordinal);
        return (new Regex($"^{sentence}$", RegexOptions.CultureInvariant | RegexOptions.Singleline), say);
    }

    // The entries, once read.
    public static FormattableString MissingEntry(PlanEntry entry) => $"{entry} is null.";
    public static FormattableString MissingId(PlanEntry entry) => $"{entry} has no id.";
    public static FormattableString RepeatedId(PlanEntry entry, string id) => $"{entry} repeats the id \"{id}\".";
    public static FormattableString Missing(PlanEntry entry, PlanField field) => $"{entry} has no {field}.";
    public static FormattableString UnknownPlace(PlanEntry entry, string id, PlanField field) => $"{entry}: unknown place \"{id}\" in {field}.";
    public static FormattableString UnknownProduct(PlanEntry entry, string id, PlanField field) => $"{entry}: unknown product \"{id}\" in {field}.";
    public static FormattableString StartsNowhere(PlanEntry entry, string id) => $"{entry} starts nowhere: unknown place \"{id}\" in from.";
    public static FormattableString GoesNowhere(PlanEntry entry, string id) => $"{entry} goes nowhere: unknown place \"{id}\" in to.";
    public static FormattableString NotFinite(PlanEntry entry, PlanField field) => $"{entry}: {field} is not a finite number.";
    public static FormattableString Negative(PlanEntry entry, PlanField field, string value) => $"{entry}: {field} {value} is negative.";
    public static FormattableString TooLarge(PlanEntry entry, PlanField field, string value) => $"{entry}: {field} {value} is too large (at most 10^15).";
    public static FormattableString TooFarBelowZero(PlanEntry entry, PlanField field, string value) => $"{entry}: {field} {value} is too far below zero (at least -10^15).";
    public static FormattableString ZeroWeight(PlanEntry entry) => $"{entry}: weight 0 would let a route carry it without end; give how much of a route's capacity one unit takes.";
    public static FormattableString WeightOutOfRange(PlanEntry entry, string value) => $"{entry}: weight {value} is outside what the planner computes exactly (from 10^-9 to 10^9); give the capacity in another measure.";
    public static FormattableString SpoilsBeforeAvailable(PlanEntry entry, string spoils, string available) => $"{entry}: spoilsAfterDay {spoils} is before availableDay {available}.";
    public static FormattableString NotALatitude(PlanEntry entry, string value) => $"{entry}: lat {value} is not a latitude (from −90 to 90 degrees).";
    public static FormattableString NotALongitude(PlanEntry entry, string value) => $"{entry}: lon {value} is not a longitude (from −180 to 180 degrees).";

    // The plan as a whole, on the pages (the command line plans an empty input to nothing, as its contract says).
    public static FormattableString NothingToPlan() => $"Planning needs at least one need or one harvest lot: this plan has neither.";
}
