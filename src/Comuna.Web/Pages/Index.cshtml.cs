using Comuna.Application.Common;
using Comuna.Application.Registry;
using Comuna.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages;

/// <summary>
/// The front page: for someone signed in, the councils and communes where they hold a role, with
/// the ways to their daily work (distribution rounds, assemblies); then the first communes by
/// name, and the way to all of them.
/// </summary>
public sealed class IndexModel(RegistryQueries queries, CurrentActor current) : PageModel
{
    public Page<CommuneView> Communes { get; private set; } = null!;

    public IReadOnlyList<Participation> Participations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Participations = await queries.ParticipationsAsync(await current.GetAsync(cancellationToken), cancellationToken);
        Communes = await queries.CommunesPageAsync(1, null, cancellationToken);
    }
}
