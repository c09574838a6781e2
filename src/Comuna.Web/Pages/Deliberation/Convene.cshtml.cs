using Comuna.Application.Deliberation;
using Comuna.Application.Registry;
using Comuna.Domain.Common;
using Comuna.Web.Access;
using Comuna.Web.Pages.Registry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.Deliberation;

/// <summary>Convenes a council's assembly through <see cref="ConveneAssembly"/>; only those who run it see the form.</summary>
[Authorize]
public sealed class ConveneModel(
    ConveneAssembly convene, RegistryQueries registry, CurrentActor current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public ConveneForm Input { get; set; } = new();

    public CouncilView Council { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        var startsAt = VenezuelanTime.ParseInput(Input.StartsAt);
        var unreadableDate = startsAt is null && !string.IsNullOrWhiteSpace(Input.StartsAt);
        if (unreadableDate)
            ModelState.AddModelError("Input.StartsAt", localizer["Write the date and time of the assembly."]);
        if (!ModelState.IsValid && !unreadableDate)
            return Page();
        // An unreadable date still goes through, so that the place and agenda are checked in the same submission.
        var convened = await convene.ExecuteAsync(await current.GetAsync(cancellationToken),
            new ConveneInput(id, null, startsAt, Input.Place, Input.AgendaItems()), cancellationToken);
        if (!convened.IsSuccess)
        {
            if (convened.Error.Kind == ErrorKind.NotFound)
                return NotFound();
            var faults = convened.Error.All.Where(e => !(unreadableDate && e.Field == "startsAt")).ToList();
            if (faults.Count > 0)
                FormErrors.Add(ModelState, Error.Together(faults), localizer);
            return Page();
        }
        return Redirect($"/asambleas/{convened.Value.Id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var council = await registry.CouncilAsync(id, cancellationToken);
        if (!council.IsSuccess || !DeliberationAccess.CanRun(await current.GetAsync(cancellationToken), council.Value.AsCouncil()))
            return false;
        Council = council.Value;
        return true;
    }
}
