using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages;

/// <summary>
/// A sentence kept as its template and values (<see cref="FormattableString"/>), said in the page's
/// language: the template looked up in the resources (itself, in English, where they have none), and
/// every sentence or word within it the same way, so that values stay as they were given.
/// </summary>
public static class LocalizedText
{
    /// <summary>Whether the resources say <paramref name="text"/>'s template in the page's language.</summary>
    public static bool IsKnown(FormattableString text, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(localizer);
        return !localizer[text.Format].ResourceNotFound;
    }

    /// <param name="rename">Gives a value another sentence to stand for it (an entry of a plan by the table line it was typed on), or null to keep it.</param>
    public static string Of(FormattableString text, IStringLocalizer localizer, Func<object?, FormattableString?>? rename = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(localizer);
        var values = text.GetArguments().Select(value => rename?.Invoke(value) is { } renamed ? Of(renamed, localizer, rename) : value switch
        {
            FormattableString inner => Of(inner, localizer, rename),
            IEnumerable<FormattableString> parts => string.Join("; ", parts.Select(part => Of(part, localizer, rename))),
            _ => value,
        }).ToArray();
        var template = localizer[text.Format];
        return string.Format(CultureInfo.CurrentCulture, template.ResourceNotFound ? text.Format : template.Value, values);
    }
}
