using System.Globalization;
using Comuna.Planning.FoodPlan;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.FoodPlan;

/// <summary>
/// A refused plan input said in the page's language: the sentence's template (<see cref="PlanMessages"/>)
/// and every sentence or word within it looked up in the resources, and each entry named as the
/// person wrote it where the page knows (a table's line), else as the JSON has it (<c>lots[2]</c>).
/// A template without a resource is said in English, as the command line says it.
/// </summary>
public static class PlanErrorText
{
    public static string Of(PlanError error, IStringLocalizer localizer, Func<PlanEntry, FormattableString?>? entryName = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(localizer);
        return Say(error.Text, localizer, entryName);
    }

    private static string Say(FormattableString text, IStringLocalizer localizer, Func<PlanEntry, FormattableString?>? entryName)
    {
        var arguments = text.GetArguments().Select(argument => argument switch
        {
            FormattableString inner => Say(inner, localizer, entryName),
            PlanEntry entry when entryName?.Invoke(entry) is { } name => Say(name, localizer, entryName),
            _ => argument,
        }).ToArray();
        var template = localizer[text.Format];
        return string.Format(CultureInfo.CurrentCulture, template.ResourceNotFound ? text.Format : template.Value, arguments);
    }
}
