namespace Comuna.Web.Pages.Shared;

/// <summary>One step of the breadcrumbs; the last step, the page itself, has no link.</summary>
public sealed record Crumb(string Text, string? Href = null);
