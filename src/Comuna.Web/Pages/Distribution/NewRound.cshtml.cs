using Comuna.Application.Distribution;
using Comuna.Application.FoodPlan;
using Comuna.Application.Registry;
using Comuna.Domain.Common;
using Comuna.Domain.Distribution;
using Comuna.Web.Access;
using Comuna.Web.Pages.Registry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.Distribution;

/// <summary>
/// Opens a council's round through <see cref="CreateRound"/>; only those who run rounds see the
/// form. Above it, what the published food plans deliver to the council's commune and the
/// council's share of each product: choosing one fills the form for a round of that produce.
/// </summary>
[Authorize]
public sealed class NewRoundModel(
    CreateRound create, RegistryQueries registry, PlannedProduce planned, CurrentActor current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public RoundForm Input { get; set; } = new();

    public CouncilView Council { get; private set; } = null!;

    /// <summary>The produce of the newest published plans for this council.</summary>
    public IReadOnlyList<PlannedProduceLine> Planned { get; private set; } = [];

    /// <summary>The plan's line the form hands out, when the round is one of the plan's produce.</summary>
    public PlannedProduceLine? FromPlan { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? plan, string? product, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        await OfferAsync(id, cancellationToken);
        if (plan is not null && Planned.FirstOrDefault(l => l.PlanId == plan && l.Product == product) is { } line)
        {
            Input.Kind = DistributionKind.Produce;
            Input.Item = line.ProductName;
            Input.Unit = line.Unit;
            Input.UnitsArrived = line.Units;
            Input.PlanId = line.PlanId;
            Input.PlanProduct = line.Product;
            FromPlan = line;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (!ModelState.IsValid)
            return await FormAgainAsync(id, cancellationToken);
        var i = Input;
        var created = await create.ExecuteAsync(await current.GetAsync(cancellationToken), id, new RoundInput(
            i.Kind, i.Item, i.Unit, i.UnitsArrived, i.StartsOn, i.EndsOn, i.Points(), i.UnitsPerHousehold, i.MembersPerExtraUnit,
            i.MaxUnitsPerHousehold, i.PriorityChildren, i.PriorityElderly, i.PriorityPregnant, i.PriorityMalnutrition, i.PriorityExtraUnits ?? 0,
            i.PlanId, i.PlanProduct),
            cancellationToken);
        if (!created.IsSuccess)
        {
            if (created.Error.Kind == ErrorKind.NotFound)
                return NotFound();
            FormErrors.Add(ModelState, created.Error, localizer);
            return await FormAgainAsync(id, cancellationToken);
        }
        return Redirect($"/jornadas/{created.Value.Id}");
    }

    /// <summary>The form again, with what was wrong named on it, under the plans' offer.</summary>
    private async Task<IActionResult> FormAgainAsync(Guid id, CancellationToken cancellationToken)
    {
        await OfferAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var council = await registry.CouncilAsync(id, cancellationToken);
        if (!council.IsSuccess || !DistributionAccess.CanRun(await current.GetAsync(cancellationToken), council.Value.AsCouncil()))
            return false;
        Council = council.Value;
        return true;
    }

    /// <summary>
    /// What the published plans offer the council, for the page as it is shown: a round that is
    /// opened goes straight to its own page, and CreateRound checks its plan for itself.
    /// </summary>
    private async Task OfferAsync(Guid id, CancellationToken cancellationToken)
    {
        var lines = await planned.ForCouncilAsync(id, cancellationToken);
        Planned = lines.IsSuccess ? lines.Value : [];
        FromPlan = Planned.FirstOrDefault(l => l.PlanId == Input.PlanId && l.Product == Input.PlanProduct);
    }
}
