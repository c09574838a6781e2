using Comuna.Application.Access;
using Comuna.Application.Registry;
using Comuna.Domain.Common;
using Comuna.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.Registry;

/// <summary>Edits a council through <see cref="Comuna.Application.Registry.UpdateCouncil"/>. Those who may
/// not edit it get not-found, as the use case answers, so the form reveals nothing either.</summary>
[Authorize]
public sealed class EditCouncilModel(
    UpdateCouncil updateCouncil, RegistryQueries queries, CurrentActor current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public CouncilForm Input { get; set; } = new();

    public CouncilView Council { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Input = new CouncilForm
        {
            Code = Council.Code,
            Name = Council.Name,
            Kind = Council.Kind,
            ParishId = Council.ParishId,
            CommuneId = Council.CommuneId,
            DeclaredFamilies = Council.DeclaredFamilies,
            RuleSetId = Council.RuleSetId,
        };
        return await FormAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (!ModelState.IsValid)
            return await FormAsync(cancellationToken);
        // The code and commune are not the form's to change; the council's own go to the use case.
        Input.Code = Council.Code;
        Input.CommuneId = Council.CommuneId;
        var updated = await updateCouncil.ExecuteAsync(await current.GetAsync(cancellationToken), id, Input.ToInput(), cancellationToken);
        if (!updated.IsSuccess)
        {
            if (updated.Error.Kind == ErrorKind.NotFound)
                return NotFound();
            FormErrors.Add(ModelState, updated.Error, localizer);
            return await FormAsync(cancellationToken);
        }
        return Redirect($"/consejos/{id}");
    }

    /// <summary>The form again, the parish its number names written out.</summary>
    private async Task<IActionResult> FormAsync(CancellationToken cancellationToken)
    {
        await ParishPlace.ShowAsync(ViewData, queries, Input.ParishId, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var council = await queries.CouncilAsync(id, cancellationToken);
        if (!council.IsSuccess || !RegistryAccess.CanEditCouncil(await current.GetAsync(cancellationToken), council.Value.AsCouncil()))
            return false;
        Council = council.Value;
        return true;
    }
}
