using Comuna.Application.Registry;
using Comuna.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Registry;

/// <summary>The country at a glance: every state with its councils, families and residents.</summary>
public sealed class TerritoryModel(RegistryQueries queries) : PageModel
{
    public IReadOnlyList<PlaceRow> States { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        States = (await queries.StatesAsync(cancellationToken))
            .Select(s => new PlaceRow($"/territorio/estado/{s.Id}", s.Name, s.Counts)).ToList();
}
