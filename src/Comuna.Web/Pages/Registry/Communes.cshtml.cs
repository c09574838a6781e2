using Comuna.Application.Registry;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Registry;

/// <summary>Every commune, with its counts.</summary>
public sealed class CommunesModel(RegistryQueries queries) : PageModel
{
    public IReadOnlyList<CommuneView> Communes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Communes = await queries.CommunesAsync(cancellationToken);
}
