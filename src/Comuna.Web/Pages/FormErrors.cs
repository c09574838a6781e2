using Comuna.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages;

/// <summary>
/// The one place where a use case's <see cref="Error"/> becomes form errors: the message goes
/// under the input it names (so it shows next to that input) and into the summary. The use
/// cases speak English; the text shown comes from the resources when they know the code.
/// </summary>
public static class FormErrors
{
    /// <summary>Copies <paramref name="error"/>, and each error found with it (<see cref="Error.Also"/>), into <paramref name="modelState"/>.</summary>
    /// <param name="prefix">The bound property holding the inputs, usually <c>Input</c>.</param>
    /// <param name="fieldsByCode">For errors without a field, such as a taken code, the input they are about.</param>
    public static void Add(
        ModelStateDictionary modelState,
        Error error,
        IStringLocalizer localizer,
        string prefix = "Input",
        IReadOnlyDictionary<string, string>? fieldsByCode = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        foreach (var each in error.All)
        {
            var input = each.Field is { } field ? InputName(field) : fieldsByCode?.GetValueOrDefault(each.Code);
            modelState.AddModelError(input is null ? string.Empty : $"{prefix}.{input}", Message(each, localizer));
        }
    }

    /// <summary>The text for <paramref name="error"/>: its own sentence with its values where the
    /// resources have it (<see cref="Error.Text"/>), else the resource for "code:field", then for
    /// "code", then the use case's own English message, which at least names the problem.</summary>
    public static string Message(Error error, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Text is { } text && LocalizedText.IsKnown(text, localizer))
            return LocalizedText.Of(text, localizer);
        if (error.Field is not null && localizer[$"{error.Code}:{error.Field}"] is { ResourceNotFound: false } specific)
            return specific.Value;
        return localizer[error.Code] is { ResourceNotFound: false } general ? general.Value : error.Message;
    }

    /// <summary>The use cases name fields as the API does (<c>declaredFamilies</c>,
    /// <c>household_code</c>); input models name them in Pascal case.</summary>
    private static string InputName(string field) =>
        string.Concat(field.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
