using System.Globalization;

namespace Comuna.Planning.FoodPlan;

/// <summary>
/// Why a plan's input was refused: a stable code (<c>unknown-place</c>) and a text that names
/// the offending entry (<c>lots[3] (place "A", product "maiz"): quantity -5 is negative.</c>).
/// </summary>
/// <remarks>
/// The text is kept as its template and arguments (<see cref="PlanMessages"/>), so that a page
/// can say it in Spanish and name an entry as the person wrote it (a table's line) instead of by
/// its place in the JSON; <see cref="Message"/> is the English, for the command line and the API.
/// </remarks>
public sealed record PlanError(string Code, FormattableString Text)
{
    public string Message => Text.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => Message;
}
