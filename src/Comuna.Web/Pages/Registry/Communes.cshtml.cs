using Comuna.Application.Access;
using Comuna.Application.Registry;
using Comuna.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Registry;

/// <summary>Every commune, with its counts; the registration of a council for whoever may register one.</summary>
public sealed class CommunesModel(RegistryQueries queries, CurrentActor current) : PageModel
{
    public IReadOnlyList<CommuneView> Communes { get; private set; } = [];

    public bool CanRegisterCouncil { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Communes = await queries.CommunesAsync(cancellationToken);
        CanRegisterCouncil = RegistryAccess.MayRegisterSomeCouncil(await current.GetAsync(cancellationToken));
    }
}
