using System.Globalization;
using System.Text.RegularExpressions;

namespace Comuna.Planning.FoodPlan;

/// <summary>
/// A plan's inputs as a person types them into a page, or pastes them from a spreadsheet: one
/// table per kind of entry, one entry a line, its fields apart by semicolons or tabs, numbers with
/// a decimal point or a decimal comma. Blank lines and lines starting with <c>#</c> are skipped.
/// <list type="bullet">
/// <item>products: <c>id; name; unit; weight</c> — <c>maiz; Maíz; kg; 0,001</c> (the weight, the share of a route's capacity one unit takes, is 1 when left out)</item>
/// <item>places: <c>id; name; latitude; longitude</c> (the coordinates may be left out)</item>
/// <item>lots: <c>place; product; quantity; available day; spoils after day</c> (available on day 0 and keeping, when left out)</item>
/// <item>needs: <c>place; product; quantity</c></item>
/// <item>routes: <c>from; to; cost per unit; days; truck capacity</c> (no capacity, or <c>-</c>: unlimited)</item>
/// <item>imports: <c>product; port; cost per unit; capacity</c> (no capacity, or <c>-</c>: unlimited)</item>
/// </list>
/// The penalties per unit lost and per unit unmet are numbers read the same way.
/// </summary>
public sealed partial record PlanTables(
    string? Products, string? Places, string? Lots, string? Needs, string? Routes, string? Imports,
    string? SpoiledPerUnit, string? UnmetPerUnit)
{
    private static readonly char[] Separators = [';', '\t'];

    /// <summary>
    /// The inputs of the tables, or one error per bad line naming its table and line; what the
    /// entries mean together (an unknown place, a route to nowhere) is for <see cref="PlanProblem.Build"/> to say.
    /// </summary>
    public (PlanInput? Input, IReadOnlyList<PlanError> Errors) Read()
    {
        var errors = new List<PlanError>();
        var products = Rows("products", Products, 2, 4, errors, f => new ProductInput(f.Text(0), f.Text(1), f.Text(2), f.Number(3)));
        var places = Rows("places", Places, 1, 4, errors, f => new PlaceInput(f.Text(0), f.Text(1), f.Number(2), f.Number(3)));
        var lots = Rows("lots", Lots, 3, 5, errors, f => new LotInput(f.Text(0), f.Text(1), f.Number(2), f.Number(3), f.Number(4)));
        var needs = Rows("needs", Needs, 3, 3, errors, f => new NeedInput(f.Text(0), f.Text(1), f.Number(2)));
        var routes = Rows("routes", Routes, 4, 5, errors, f => new RouteInput(f.Text(0), f.Text(1), f.Number(2), f.Number(3), f.Number(4)));
        var imports = Rows("imports", Imports, 3, 4, errors, f => new ImportInput(f.Text(0), f.Text(1), f.Number(2), f.Number(3)));
        var penalties = new Fields("penalties", 1, $"{SpoiledPerUnit}; {UnmetPerUnit}", [SpoiledPerUnit?.Trim() ?? "", UnmetPerUnit?.Trim() ?? ""]);
        var (spoiled, unmet) = (penalties.Number(0), penalties.Number(1));
        if (penalties.Error is { } wrong)
            errors.Add(wrong);
        if (errors.Count > 0)
            return (null, errors);
        return (new PlanInput
        {
            Products = products,
            Places = places,
            Lots = lots,
            Needs = needs,
            Routes = routes,
            Imports = imports,
            Penalties = new PenaltiesInput(spoiled, unmet),
        }, []);
    }

    /// <summary>
    /// The table line <paramref name="entry"/> was read from (<c>lots line 4 ("el-maizal; maiz; -5")</c>),
    /// for an error about the inputs <see cref="Read"/> made: the person typed lines, not
    /// <c>lots[2]</c>. Null for what no line holds, or a line past the table's end.
    /// </summary>
    public FormattableString? LineOf(PlanEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = entry.List switch
        {
            "products" => Products,
            "places" => Places,
            "lots" => Lots,
            "needs" => Needs,
            "routes" => Routes,
            "imports" => Imports,
            _ => null,
        };
        if (text is null || entry.Index is not { } index)
            return entry.List == "penalties" ? PlanMessages.TableName(entry.List) : null;
        // Read makes one entry of each line that holds one, in order.
        return EntryLines(text).ElementAtOrDefault(index) is ({ } number, { } line)
            ? PlanMessages.Line(entry.List, number, line)
            : null;
    }

    /// <summary>The lines of a table that hold an entry (neither blank nor a comment), trimmed, with their numbers counted from 1.</summary>
    private static IEnumerable<(int Number, string Text)> EntryLines(string? table)
    {
        var lines = (table ?? "").ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
                yield return (i + 1, line);
        }
    }

    /// <summary>The tables of <paramref name="input"/>, to edit on the page: what <see cref="Read"/> reads back as the same inputs.</summary>
    public static PlanTables Of(PlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new PlanTables(
            Lines(input.Products, p => [p.Id, p.Name, p.Unit, Write(p.Weight)]),
            Lines(input.Places, p => [p.Id, p.Name, Write(p.Lat), Write(p.Lon)]),
            Lines(input.Lots, l => [l.Place, l.Product, Write(l.Quantity), Write(l.AvailableDay), Write(l.SpoilsAfterDay)]),
            Lines(input.Needs, n => [n.Place, n.Product, Write(n.Quantity)]),
            Lines(input.Routes, r => [r.From, r.To, Write(r.CostPerUnit), Write(r.Days), Write(r.Capacity) ?? "-"]),
            Lines(input.Imports, i => [i.Product, i.Place, Write(i.CostPerUnit), Write(i.Capacity) ?? "-"]),
            Write(input.Penalties?.SpoiledPerUnit), Write(input.Penalties?.UnmetPerUnit));
    }

    private static List<T?> Rows<T>(string table, string? text, int least, int most, List<PlanError> errors, Func<Fields, T> make)
        where T : class
    {
        var rows = new List<T?>();
        foreach (var (number, line) in EntryLines(text))
        {
            var fields = new Fields(table, number, line, [.. line.Split(Separators).Select(f => f.Trim())]);
            if (fields.Count < least || fields.Count > most)
            {
                errors.Add(new PlanError("bad-line", least == most
                    ? PlanMessages.FieldCount(fields.Where, most, fields.Count)
                    : PlanMessages.FieldCountRange(fields.Where, least, most, fields.Count)));
                continue;
            }
            var row = make(fields);
            if (fields.Error is { } error)
                errors.Add(error);
            else
                rows.Add(row);
        }
        return rows;
    }

    private static string? Lines<T>(IReadOnlyList<T?>? rows, Func<T, string?[]> fields)
        where T : class =>
        rows is null ? null : string.Join('\n', rows.OfType<T>().Select(r => string.Join("; ", TrimEnd(fields(r)))));

    /// <summary>Optional fields left out at the end of a line stay out.</summary>
    private static IEnumerable<string> TrimEnd(string?[] fields)
    {
        var last = Array.FindLastIndex(fields, f => !string.IsNullOrEmpty(f));
        return fields.Take(last + 1).Select(f => f ?? "");
    }

    /// <summary>A number as <see cref="Fields.Number"/> reads it back: 1.125 is written 1.1250, which nobody takes for thousands.</summary>
    private static string? Write(double? value)
    {
        if (value?.ToString("R", CultureInfo.InvariantCulture) is not { } text)
            return null;
        return Fields.IsAmbiguous(text) ? text + "0" : text;
    }

    /// <summary>The fields of one line; the first field that does not read is its error.</summary>
    private sealed partial class Fields(string table, int line, string text, string[] fields)
    {
        [GeneratedRegex(@"^-?[1-9][0-9]{0,2}([.,][0-9]{3})+$")]
        private static partial Regex AmbiguousThousands();

        public static bool IsAmbiguous(string number) => AmbiguousThousands().IsMatch(number);

        public int Count => fields.Length;

        public FormattableString Where => PlanMessages.Line(table, line, text);

        public PlanError? Error { get; private set; }

        public string? Text(int index) => index < fields.Length && fields[index].Length > 0 ? fields[index] : null;

        /// <summary>
        /// A number with a decimal point or a decimal comma (<c>12.5</c>, <c>12,5</c>, <c>1.234,5</c>);
        /// blank or <c>-</c> is no number at all. <c>1.500</c> and <c>1,500</c> are refused: each is
        /// 1500 to one reader and 1.5 to another, and a plan must not guess a harvest a thousand
        /// times too small.
        /// </summary>
        public double? Number(int index)
        {
            if (Text(index) is not { } field || field == "-")
                return null;
            if (IsAmbiguous(field))
            {
                Error ??= new PlanError("bad-number", PlanMessages.AmbiguousNumber(Where, field));
                return null;
            }
            var invariant = field.Contains(',', StringComparison.Ordinal) && field.Contains('.', StringComparison.Ordinal) && field.LastIndexOf(',') > field.LastIndexOf('.')
                ? field.Replace(".", "", StringComparison.Ordinal).Replace(',', '.')
                : field.Replace(',', '.');
            if (double.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                return number;
            Error ??= new PlanError("bad-number", PlanMessages.NotANumber(Where, field));
            return null;
        }
    }
}
