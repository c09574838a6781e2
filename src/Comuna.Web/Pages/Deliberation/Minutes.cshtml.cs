using Comuna.Application.Deliberation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Deliberation;

/// <summary>
/// The acta of a closed assembly, exactly as sealed by its checkpoint: read from the stored
/// minutes, never recomposed, so what a person reads here is what the hash covers.
/// </summary>
public sealed class MinutesModel(DeliberationQueries queries) : PageModel
{
    public MinutesView Minutes { get; private set; } = null!;

    /// <summary>The position of each agenda item by its id: the minutes name a vote's item by id.</summary>
    public IReadOnlyDictionary<Guid, int> Positions { get; private set; } = new Dictionary<Guid, int>();

    /// <summary>A session of the commune's parliament, not a council's Citizens' Assembly: the minutes say which.</summary>
    public bool OfParliament { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var minutes = await queries.MinutesAsync(id, cancellationToken);
        var assembly = await queries.AssemblyAsync(id, cancellationToken);
        if (!minutes.IsSuccess || !assembly.IsSuccess)
            return NotFound();
        Minutes = minutes.Value;
        OfParliament = assembly.Value.CouncilId is null;
        Positions = assembly.Value.Agenda.ToDictionary(i => i.Id, i => i.Position);
        return Page();
    }

    /// <summary>The votes taken on agenda item <paramref name="position"/>, or with no item when null.</summary>
    public IEnumerable<MinutesVote> VotesOn(int? position) => Minutes.Content.Votes.Where(v =>
        (v.AgendaItemId is { } itemId && Positions.TryGetValue(itemId, out var p) ? p : (int?)null) == position);
}
