using Comuna.Application.Common;
using Comuna.Application.Registry;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages;

/// <summary>The front page: the first communes by name, and the way to all of them.</summary>
public sealed class IndexModel(RegistryQueries queries) : PageModel
{
    public Page<CommuneView> Communes { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Communes = await queries.CommunesPageAsync(1, null, cancellationToken);
}
