using System.Globalization;

namespace Comuna.Planning.FoodPlan;

/// <summary>What one family receives of a product in the plan's period, from line <see cref="Line"/> of the basket.</summary>
public sealed record BasketItem(int Line, string Product, double PerFamily);

/// <summary>
/// The basket per family per period, as a person writes it: one product a line, its id and the
/// quantity per family, apart by spaces, a colon or a semicolon (<c>maiz 0.012</c>,
/// <c>platano: 0,02</c>); blank lines and lines starting with <c>#</c> are skipped.
/// </summary>
public static class Basket
{
    private static readonly char[] Separators = [' ', '\t', ':', ';', '='];

    /// <summary>The basket's items, or one error per bad line, naming it.</summary>
    public static (IReadOnlyList<BasketItem> Items, IReadOnlyList<PlanError> Errors) Parse(string? text)
    {
        var items = new List<BasketItem>();
        var errors = new List<PlanError>();
        var lines = (text ?? "").ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var parts = line.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            var where = PlanMessages.Line("basket", i + 1, line);
            if (parts.Length != 2)
                errors.Add(new PlanError("bad-basket", PlanMessages.BasketLineShape(where)));
            else if (!TryQuantity(parts[1], out var quantity))
                errors.Add(new PlanError("bad-basket", PlanMessages.NotAQuantity(where, parts[1])));
            else if (quantity < 0)
                errors.Add(new PlanError("negative-quantity", PlanMessages.BasketNegative(where, parts[1])));
            else if (items.Find(item => string.Equals(item.Product, parts[0], StringComparison.Ordinal)) is { } earlier)
                errors.Add(new PlanError("duplicate-id", PlanMessages.BasketRepeat(where, parts[0], earlier.Line)));
            else
                items.Add(new BasketItem(i + 1, parts[0], quantity));
        }
        if (items.Count == 0 && errors.Count == 0)
            errors.Add(new PlanError("bad-basket", PlanMessages.BasketEmpty()));
        return (items, errors);
    }

    /// <summary>A decimal point or a decimal comma, as the person's keyboard gives it.</summary>
    private static bool TryQuantity(string text, out double quantity) =>
        double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out quantity) && double.IsFinite(quantity);
}
