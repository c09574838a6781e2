namespace Comuna.Web.Pages.Distribution;

/// <summary>What closing a round would sign into its minutes, shown to the spokesperson before they sign.</summary>
public sealed record CloseConfirmation(int HouseholdsServed, int HouseholdsNotServed, int UnitsDelivered, int UnitsRemaining);
