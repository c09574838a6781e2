namespace Comuna.Domain.Deliberation;

/// <summary>
/// What an approved proposal allows: spending up to an amount (in minor units of a currency) on a
/// purpose, or an action such as taking over rubbish collection. The bank refuses any outflow that
/// no mandate covers.
/// </summary>
public sealed record MandateTerms(string Purpose, long? AmountMinor, string? Currency, string? Action);
