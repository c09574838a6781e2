using Comuna.Planning.FoodPlan;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.FoodPlan;

/// <summary>
/// A refused plan input said in the page's language (<see cref="LocalizedText"/>, from the templates
/// of <see cref="PlanMessages"/>), each entry named as the person wrote it where the page knows (a
/// table's line), else as the JSON has it (<c>lots[2]</c>).
/// </summary>
public static class PlanErrorText
{
    public static string Of(PlanError error, IStringLocalizer localizer, Func<PlanEntry, FormattableString?>? entryName = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        return LocalizedText.Of(error.Text, localizer, value => value is PlanEntry entry ? entryName?.Invoke(entry) : null);
    }
}
