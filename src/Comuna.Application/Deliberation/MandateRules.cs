using System.Text.RegularExpressions;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;

namespace Comuna.Application.Deliberation;

/// <summary>What a mandate must say: a purpose, and either a positive amount in a named currency or an action.</summary>
public static partial class MandateRules
{
    [GeneratedRegex("^[A-Z]{3,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();

    public static Error? Check(MandateTerms mandate, VoteKind kind)
    {
        if (kind != VoteKind.YesNoAbstain)
            return Error.Invalid("mandate", "Only a yes/no/abstain question can carry a mandate.");
        if (string.IsNullOrWhiteSpace(mandate.Purpose) || mandate.Purpose.Length > 300)
            return Error.Invalid("mandate.purpose", "A mandate states its purpose (at most 300 characters).");
        if (mandate.AmountMinor is null && string.IsNullOrWhiteSpace(mandate.Action))
            return Error.Invalid("mandate", "A mandate allows an amount to be spent, or an action, or both.");
        if (mandate.AmountMinor is { } amount)
        {
            if (amount <= 0)
                return Error.Invalid("mandate.amount", "A mandate's amount is a positive number of minor units (cents).");
            if (mandate.Currency is null || !CurrencyPattern().IsMatch(mandate.Currency))
                return Error.Invalid("mandate.currency", "A mandate's amount names its currency: VES, USD or a communal currency code.");
        }
        return null;
    }
}
