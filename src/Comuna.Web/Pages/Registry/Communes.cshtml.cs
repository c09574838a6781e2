using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Application.Registry;
using Comuna.Web.Access;
using Comuna.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Registry;

/// <summary>The communes by name, a page at a time, with their counts; the registration of a council for whoever may register one.</summary>
public sealed class CommunesModel(RegistryQueries queries, CurrentActor current) : PageModel
{
    public Page<CommuneView> Communes { get; private set; } = null!;

    public PagerModel Pager => new("/comunas", Communes.PageNumber, Communes.PageCount);

    public bool CanRegisterCouncil { get; private set; }

    public async Task OnGetAsync(int? pagina, CancellationToken cancellationToken)
    {
        Communes = await queries.CommunesPageAsync(pagina, null, cancellationToken);
        CanRegisterCouncil = RegistryAccess.MayRegisterSomeCouncil(await current.GetAsync(cancellationToken));
    }
}
