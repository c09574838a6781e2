using Comuna.Application.Access;
using Comuna.Application.Distribution;
using Comuna.Domain.Access;
using Comuna.Domain.Common;
using Comuna.Domain.Distribution;
using Comuna.Web.Access;
using Comuna.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.Distribution;

/// <summary>
/// One round: its units for everyone; the allocation (who gets how many, shown before anything is
/// handed out) for those who read the census; for those who run it, the search to mark a household
/// served, the printed sheet entered afterwards, and closing with the minutes; for a resident, their
/// own household's entitlement. Each form posts to its own handler, then redirects.
/// </summary>
public sealed class RoundModel(DistributionQueries queries, PreviewAllocation preview, CurrentActor current, Application.Common.IComunaDb db, IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    public RoundView Round { get; private set; } = null!;

    public bool CanRun { get; private set; }

    public AllocationView? Allocation { get; private set; }

    public HouseholdEntitlementView? Own { get; private set; }

    public string? Query { get; private set; }

    public string? Sheet { get; private set; }

    public IReadOnlyList<DeliveryCandidate> Candidates { get; private set; } = [];

    public IReadOnlyList<string> PriorityNames { get; private set; } = [];

    /// <summary>Which form the errors in the model state belong to, so that only that form shows them.</summary>
    public string? ActiveForm { get; private set; }

    /// <summary>What closing the round would sign, shown before it is signed; null until closing is asked for.</summary>
    public CloseConfirmation? Closing { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? q, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        await SearchAsync(id, q, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeliverAsync(
        Guid id, Guid householdId, int? units, string? q, bool beyondAllocation, [FromServices] RecordDelivery record, CancellationToken cancellationToken)
    {
        var actor = await current.GetAsync(cancellationToken);
        var delivered = await record.ExecuteAsync(actor, id, householdId, units ?? 0, DeliveryChannel.Search, beyondAllocation, cancellationToken);
        if (!delivered.IsSuccess)
            return await RefusedAsync(id, "deliver", delivered.Error, q, cancellationToken);
        var code = await db.Households.Where(h => h.Id == householdId).Select(h => h.Code).SingleAsync(cancellationToken);
        Notice = string.Format(localizer["Household {0} served: {1}."], code, delivered.Value.Units);
        return Redirect($"/jornadas/{id}?q={Uri.EscapeDataString(q ?? "")}#entregar");
    }

    public async Task<IActionResult> OnPostSheetAsync(Guid id, string? sheet, [FromServices] RecordDeliverySheet record, CancellationToken cancellationToken)
    {
        var recorded = await record.ExecuteAsync(await current.GetAsync(cancellationToken), id, sheet, cancellationToken);
        if (!recorded.IsSuccess)
        {
            Sheet = sheet;
            return await RefusedAsync(id, "sheet", recorded.Error, null, cancellationToken);
        }
        Notice = string.Format(localizer["RoundSheetEntered"], Counted.Of(localizer, "Households", recorded.Value.Count),
            Counted.Of(localizer, "RoundUnits", recorded.Value.Sum(d => d.Units)));
        return Redirect($"/jornadas/{id}#entregar");
    }

    /// <summary>
    /// Closing signs the minutes and cannot be undone, so the first press only shows what would be
    /// signed (households served and not, units handed out and left); the round closes when the
    /// confirmation's own button posts <paramref name="confirmed"/>.
    /// </summary>
    public async Task<IActionResult> OnPostCloseAsync(Guid id, bool confirmed, [FromServices] CloseRound close, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            if (!await LoadAsync(id, cancellationToken))
                return NotFound();
            if (!CanRun)
                return StatusCode(StatusCodes.Status403Forbidden);
            if (Round.Status != RoundStatus.Open)
                return Redirect($"/jornadas/{id}/acta");
            var households = await db.Households.CountAsync(h => h.CouncilId == Round.CouncilId, cancellationToken);
            Closing = new CloseConfirmation(Round.HouseholdsServed, Math.Max(0, households - Round.HouseholdsServed), Round.UnitsDelivered, Round.UnitsRemaining);
            return Page();
        }
        var closed = await close.ExecuteAsync(await current.GetAsync(cancellationToken), id, DistributionApi.SignerOf(User), cancellationToken);
        return closed.IsSuccess ? Redirect($"/jornadas/{id}/acta") : await RefusedAsync(id, "close", closed.Error, null, cancellationToken);
    }

    public IEnumerable<string> ErrorsFor(string form) =>
        ActiveForm == form ? ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage) : [];

    private async Task<IActionResult> RefusedAsync(Guid id, string form, Error error, string? q, CancellationToken cancellationToken)
    {
        if (error.Kind == ErrorKind.NotFound && error.Code == "round-not-found" || !await LoadAsync(id, cancellationToken))
            return NotFound();
        if (error.Code == "forbidden")
            return StatusCode(StatusCodes.Status403Forbidden);
        ActiveForm = form;
        // Closed meanwhile: say plainly that what was just sent was not recorded, in the words of the form that sent it.
        if (error.Code == "round-closed" && form is "deliver" or "sheet")
            ModelState.AddModelError(form, localizer[form == "deliver" ? "RoundClosedDeliveryNotRecorded" : "RoundClosedSheetNotRecorded"].Value);
        else if (error.Code == "nothing-allocated" && form == "deliver")
            ModelState.AddModelError(form, localizer["RoundNothingAllocatedRefused"].Value);
        else
        {
            // A sheet names every bad line at once.
            foreach (var each in error.All)
                ModelState.AddModelError(form, Message(each));
        }
        await SearchAsync(id, q, cancellationToken);
        return Page();
    }

    /// <summary>
    /// The error in the reader's language; a sheet's error whose own sentence the resources lack
    /// keeps at least the number of its line before the general sentence for its code.
    /// </summary>
    private string Message(Error error)
    {
        var sentenceKnown = error.Text is { } text && LocalizedText.IsKnown(text, localizer);
        if (!sentenceKnown && error.Field is { } field && field.StartsWith("line:", StringComparison.Ordinal))
        {
            var general = localizer[error.Code];
            return general.ResourceNotFound ? error.Message : $"{localizer["Line"]} {field[5..]}: {general.Value}";
        }
        return FormErrors.Message(error, localizer);
    }

    private async Task SearchAsync(Guid id, string? q, CancellationToken cancellationToken)
    {
        Query = q;
        if (CanRun && !string.IsNullOrWhiteSpace(q))
        {
            var found = await queries.SearchAsync(await current.GetAsync(cancellationToken), id, q, cancellationToken);
            Candidates = found.IsSuccess ? found.Value : [];
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var round = await queries.RoundAsync(id, cancellationToken);
        if (!round.IsSuccess)
            return false;
        Round = round.Value;
        var council = await db.Councils.AsNoTracking().SingleAsync(c => c.Id == Round.CouncilId, cancellationToken);
        var actor = await current.GetAsync(cancellationToken);
        CanRun = DistributionAccess.CanRun(actor, council);
        if (DistributionAccess.CanSeeHouseholds(actor, council) && await preview.ExecuteAsync(actor, id, cancellationToken) is { IsSuccess: true } allocation)
            Allocation = allocation.Value;
        var residentIds = actor.Roles.Where(r => r.Role == Role.Resident && r.ResidentId is not null).Select(r => r.ResidentId!.Value).ToList();
        if (residentIds.Count > 0)
        {
            var household = await db.Residents.Where(r => residentIds.Contains(r.Id) && r.Household!.CouncilId == council.Id)
                .Select(r => (Guid?)r.HouseholdId).FirstOrDefaultAsync(cancellationToken);
            if (household is { } h && await queries.HouseholdAsync(actor, id, h, cancellationToken) is { IsSuccess: true } own)
                Own = own.Value;
        }
        var rule = Round.Rule;
        var names = new List<string>();
        if (rule.PriorityChildren)
            names.Add(localizer["Children under 5"]);
        if (rule.PriorityElderly)
            names.Add(localizer["Elderly (60+)"]);
        if (rule.PriorityPregnant)
            names.Add(localizer["Pregnant"]);
        if (rule.PriorityMalnutrition)
            names.Add(localizer["Malnutrition"]);
        PriorityNames = names.Count > 0 ? names : [localizer["None"]];
        return true;
    }
}
