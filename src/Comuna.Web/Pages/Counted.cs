using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages;

/// <summary>
/// A number with its noun in the right number, in the reader's language: "1 hogar", "2 hogares".
/// Each noun has two entries in the resources, <c>{key}One</c> and <c>{key}Other</c>, each with
/// {0} for the number written with the culture's group separator.
/// </summary>
public static class Counted
{
    public static string Of(IStringLocalizer localizer, string key, long count)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var form = count == 1 ? localizer[key + "One"] : localizer[key + "Other"];
        return string.Format(CultureInfo.CurrentCulture, form.Value, count.ToString("N0", CultureInfo.CurrentCulture));
    }
}
