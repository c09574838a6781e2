using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Comuna.Web.Hosting;

/// <summary>
/// What a form says when a value cannot even be read into its field ("abc" for a number, 30 February
/// for a date — what an old phone's browser sends when it shows a date field as plain text), or a
/// field the form must carry is missing: ASP.NET says it in English, and a Spanish page must not.
/// The message stands next to its field, so it need not name it.
/// </summary>
public sealed class FormBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public const string NotValid = "The value '{0}' is not valid.";
    public const string GivenNotValid = "The value given is not valid.";
    public const string NotANumber = "Write a number.";
    public const string Required = "This field is required.";

    public void Configure(MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var localizer = factory.Create(typeof(SharedResource));
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueIsInvalidAccessor(value => localizer[NotValid, value]);
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => localizer[NotValid, value]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => localizer[NotValid, value]);
        messages.SetValueMustNotBeNullAccessor(value => localizer[NotValid, value]);
        messages.SetUnknownValueIsInvalidAccessor(_ => localizer[GivenNotValid]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => localizer[GivenNotValid]);
        messages.SetValueMustBeANumberAccessor(_ => localizer[NotANumber]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => localizer[NotANumber]);
        messages.SetMissingBindRequiredValueAccessor(_ => localizer[Required]);
        messages.SetMissingKeyOrValueAccessor(() => localizer[Required]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => localizer[Required]);
        options.ModelMetadataDetailsProviders.Add(new ImplicitRequiredMessage());
    }

    /// <summary>
    /// A property that cannot be null is required without saying so, and its message ("The Policy
    /// field is required.") is English and names the property; this gives it the resources' message.
    /// </summary>
    private sealed class ImplicitRequiredMessage : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            foreach (var required in context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>())
            {
                if (required.ErrorMessage is null && required.ErrorMessageResourceName is null)
                    required.ErrorMessage = Required;
            }
        }
    }
}
