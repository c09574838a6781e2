using Comuna.Application.Deliberation;
using Comuna.Application.Registry;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Comuna.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.Deliberation;

/// <summary>
/// A commune's parliament: its delegates (one per council, the productive organisations' and the
/// bank's) and its sessions. The commune's admin seats delegates by cédula and convenes sessions,
/// which then run on the same assembly page as a council's, with a majority of the seats as quorum.
/// </summary>
public sealed class ParliamentModel(
    DeliberationQueries queries, RegistryQueries registry, CurrentActor current, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    public CommuneView Commune { get; private set; } = null!;

    public IReadOnlyList<CouncilView> Councils { get; private set; } = [];

    public IReadOnlyList<SeatView> Seats { get; private set; } = [];

    public IReadOnlyList<AssemblyView> Sessions { get; private set; } = [];

    public bool CanRun { get; private set; }

    [BindProperty]
    public ConveneForm Session { get; set; } = new();

    public string? ActiveForm { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSeatAsync(
        Guid id, string? nationalId, SeatKind? kind, Guid? councilId, [FromServices] SeatDelegate seat, CancellationToken cancellationToken)
    {
        // The page is public; its forms are the commune admin's alone.
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (!CanRun)
            return StatusCode(StatusCodes.Status403Forbidden);
        var actor = await current.GetAsync(cancellationToken);
        if (councilId is not { } council)
            return await RefusedAsync(id, "seat", Error.Invalid("councilId", localizer["Choose the council where the delegate lives."]), cancellationToken);
        var person = await registry.ResidentByNationalIdAsync(actor, council, nationalId, cancellationToken);
        if (!person.IsSuccess)
            return await RefusedAsync(id, "seat", person.Error, cancellationToken);
        var seated = await seat.ExecuteAsync(actor, id, new SeatInput(person.Value, kind, kind == SeatKind.Council ? council : null, null), cancellationToken);
        if (!seated.IsSuccess)
            return await RefusedAsync(id, "seat", seated.Error, cancellationToken);
        Notice = localizer["The delegate is seated."];
        return Redirect($"/comunas/{id}/parlamento#escanos");
    }

    public async Task<IActionResult> OnPostConveneAsync(Guid id, [FromServices] ConveneAssembly convene, CancellationToken cancellationToken)
    {
        var startsAt = VenezuelanTime.ParseInput(Session.StartsAt);
        if (startsAt is null && !string.IsNullOrWhiteSpace(Session.StartsAt))
            return await RefusedAsync(id, "convene", Error.Invalid("startsAt", localizer["Write the date and time of the assembly."]), cancellationToken);
        var convened = await convene.ExecuteAsync(await current.GetAsync(cancellationToken),
            new ConveneInput(null, id, startsAt, Session.Place, Session.AgendaItems()), cancellationToken);
        return convened.IsSuccess
            ? Redirect($"/asambleas/{convened.Value.Id}")
            : await RefusedAsync(id, "convene", convened.Error, cancellationToken);
    }

    public IEnumerable<string> ErrorsFor(string form) =>
        ActiveForm == form ? ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage) : [];

    public string SeatPlace(SeatView seat) => seat.Kind switch
    {
        SeatKind.Council => Councils.FirstOrDefault(c => c.Id == seat.CouncilId)?.Name ?? "—",
        _ => localizer[$"seat:{seat.Kind}"],
    };

    private async Task<IActionResult> RefusedAsync(Guid id, string form, Error error, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (error.Code == "forbidden")
            return StatusCode(StatusCodes.Status403Forbidden);
        ActiveForm = form;
        ModelState.AddModelError(string.Empty, FormErrors.Message(error, localizer));
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var commune = await registry.CommuneAsync(id, cancellationToken);
        var body = await queries.ParliamentBodyAsync(id, cancellationToken);
        var councils = await registry.CouncilsOfCommuneAsync(id, cancellationToken);
        if (!commune.IsSuccess || body is null || !councils.IsSuccess)
            return false;
        Commune = commune.Value;
        Councils = councils.Value;
        Seats = await queries.ParliamentAsync(id, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
        Sessions = await queries.OfCommuneAsync(id, cancellationToken);
        CanRun = DeliberationAccess.CanRun(await current.GetAsync(cancellationToken), body);
        return true;
    }
}
