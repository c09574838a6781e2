using Comuna.Application.Distribution;
using Comuna.Application.Registry;
using Comuna.Domain.Common;
using Comuna.Web.Access;
using Comuna.Web.Pages.Registry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.Distribution;

/// <summary>Opens a council's round through <see cref="CreateRound"/>; only those who run rounds see the form.</summary>
[Authorize]
public sealed class NewRoundModel(
    CreateRound create, RegistryQueries registry, CurrentActor current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public RoundForm Input { get; set; } = new();

    public CouncilView Council { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (!ModelState.IsValid)
            return Page();
        var i = Input;
        var created = await create.ExecuteAsync(await current.GetAsync(cancellationToken), id, new RoundInput(
            i.Kind, i.Item, i.Unit, i.UnitsArrived, i.StartsOn, i.EndsOn, i.Points(), i.UnitsPerHousehold, i.MembersPerExtraUnit,
            i.MaxUnitsPerHousehold, i.PriorityChildren, i.PriorityElderly, i.PriorityPregnant, i.PriorityMalnutrition, i.PriorityExtraUnits ?? 0),
            cancellationToken);
        if (!created.IsSuccess)
        {
            if (created.Error.Kind == ErrorKind.NotFound)
                return NotFound();
            FormErrors.Add(ModelState, created.Error, localizer);
            return Page();
        }
        return Redirect($"/jornadas/{created.Value.Id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var council = await registry.CouncilAsync(id, cancellationToken);
        if (!council.IsSuccess || !DistributionAccess.CanRun(await current.GetAsync(cancellationToken), council.Value.AsCouncil()))
            return false;
        Council = council.Value;
        return true;
    }
}
