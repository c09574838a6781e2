using Comuna.Application.Registry;
using Comuna.Domain.Registry;

namespace Comuna.Web.Pages.Registry;

/// <summary>
/// <see cref="Comuna.Application.Access.RegistryAccess"/> decides on the council entity; a page
/// holds its view. Access reads only the id and the commune, so those are what is carried over.
/// </summary>
public static class CouncilViewAccess
{
    public static CommunalCouncil AsCouncil(this CouncilView view) => new()
    {
        Id = view.Id,
        Code = view.Code,
        Name = view.Name,
        Kind = view.Kind,
        ParishId = view.ParishId,
        CommuneId = view.CommuneId,
        DeclaredFamilies = view.DeclaredFamilies,
        RuleSetId = view.RuleSetId,
    };
}
