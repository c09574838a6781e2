using Comuna.Application.Deliberation;
using Comuna.Application.Registry;
using Comuna.Web.Access;
using Comuna.Web.Pages.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Deliberation;

/// <summary>A council's Citizens' Assemblies, latest first: public, since residents must know when they meet.</summary>
public sealed class AssembliesModel(DeliberationQueries queries, RegistryQueries registry, CurrentActor current) : PageModel
{
    public CouncilView Council { get; private set; } = null!;

    public IReadOnlyList<AssemblyView> Assemblies { get; private set; } = [];

    public bool CanRun { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var council = await registry.CouncilAsync(id, cancellationToken);
        if (!council.IsSuccess)
            return NotFound();
        Council = council.Value;
        Assemblies = await queries.OfCouncilAsync(id, cancellationToken);
        CanRun = DeliberationAccess.CanRun(await current.GetAsync(cancellationToken), Council.AsCouncil());
        return Page();
    }
}
