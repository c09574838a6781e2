using Comuna.Application.Access;
using Comuna.Application.Registry;
using Comuna.Domain.Common;
using Comuna.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.Registry;

/// <summary>Adds one household by hand through <see cref="AddHousehold"/>.</summary>
[Authorize]
public sealed class NewHouseholdModel(
    AddHousehold addHousehold, RegistryQueries queries, CurrentActor current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private static readonly Dictionary<string, string> FieldsByCode = new()
    {
        ["household-code-taken"] = nameof(HouseholdForm.HouseholdCode),
    };

    [BindProperty]
    public HouseholdForm Input { get; set; } = new();

    public CouncilView Council { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (!ModelState.IsValid)
            return Page();
        var added = await addHousehold.ExecuteAsync(
            await current.GetAsync(cancellationToken), id, new HouseholdInput(Input.HouseholdCode, Input.Address), cancellationToken);
        if (!added.IsSuccess)
        {
            if (added.Error.Kind == ErrorKind.NotFound)
                return NotFound();
            FormErrors.Add(ModelState, added.Error, localizer, fieldsByCode: FieldsByCode);
            return Page();
        }
        return Redirect($"/hogares/{added.Value.Id}");
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
