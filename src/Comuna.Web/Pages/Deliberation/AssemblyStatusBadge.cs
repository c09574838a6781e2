using Comuna.Domain.Deliberation;

namespace Comuna.Web.Pages.Deliberation;

/// <summary>The words and the colour of an assembly's or a vote's status, the same on every page.</summary>
public static class AssemblyStatusBadge
{
    /// <summary>The resource key of a status: "InSession" reads "En sesión".</summary>
    public static string Key(AssemblyStatus status) => status.ToString();

    public static string Key(VoteStatus status) => $"Vote{status}";

    public static string Css(AssemblyStatus status) => status == AssemblyStatus.InSession ? "badge good" : "badge bad";

    public static string Css(VoteStatus status) => status == VoteStatus.Open ? "badge good" : "badge bad";
}
