using System.Runtime.CompilerServices;
using Comuna.Planning.FoodPlan;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.FoodPlan;

/// <summary>
/// A refused plan input said in the page's language (<see cref="LocalizedText"/>, from the templates
/// of <see cref="PlanMessages"/>), each entry named as the person wrote it where the page knows (a
/// table's line), else as the JSON has it (<c>lots[2]</c>), and each field as the tables' column
/// headings name it ("cantidad", not <c>quantity</c>): the JSON's names are the contract's, not the reader's.
/// </summary>
public static class PlanErrorText
{
    /// <summary>The resource that names a field (<see cref="PlanField"/>) as the tables' headings do: <c>PlanField:quantity</c>.</summary>
    public static string FieldKey(string field) => "PlanField:" + field;

    public static string Of(PlanError error, IStringLocalizer localizer, Func<PlanEntry, FormattableString?>? entryName = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(localizer);
        return LocalizedText.Of(error.Text, localizer, value => value switch
        {
            PlanEntry entry => entryName?.Invoke(entry),
            // A field without a heading of its own keeps the JSON's name.
            PlanField field when LocalizedText.IsKnown(Label(field), localizer) => Label(field),
            _ => null,
        });
    }

    private static FormattableString Label(PlanField field) => FormattableStringFactory.Create(FieldKey(field.Name));
}
