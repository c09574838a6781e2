using Comuna.Application.Deliberation;

namespace Comuna.Web.Pages.Deliberation;

/// <summary>Where each kind of body keeps its assemblies: a council's list, or the commune's parliament page.</summary>
public static class AssemblyPages
{
    public static string Home(AssemblyBody body) =>
        body.CouncilId is { } councilId ? $"/consejos/{councilId}/asambleas" : $"/comunas/{body.CommuneId}/parlamento";
}
