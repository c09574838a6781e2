using Comuna.Application.Registry;
using Comuna.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.Registry;

/// <summary>Registers a council through <see cref="Comuna.Application.Registry.RegisterCouncil"/>.</summary>
[Authorize]
public sealed class RegisterCouncilModel(
    RegisterCouncil registerCouncil, RegistryQueries queries, CurrentActor current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Errors that carry no field but are plainly about one input.</summary>
    private static readonly Dictionary<string, string> FieldsByCode = new()
    {
        ["council-code-taken"] = nameof(CouncilForm.Code),
        ["commune-not-found"] = nameof(CouncilForm.CommuneId),
    };

    [BindProperty]
    public CouncilForm Input { get; set; } = new();

    /// <summary>The communes the reader may register a council into.</summary>
    public IReadOnlyList<CommuneChoice> Communes { get; private set; } = [];

    /// <summary>Whether the reader may register a council outside any commune: the national coordination only.</summary>
    public bool MayRegisterOutsideCommunes { get; private set; }

    /// <summary>
    /// The state the offered communes are narrowed to: for the national coordination, once the
    /// parish is known, its state's communes rather than the country's 3,000; null when not narrowed.
    /// </summary>
    public string? CommunesOfState { get; private set; }

    /// <param name="comuna">Coming from a commune's page: the council most likely joins it, in its parish.</param>
    /// <param name="parroquia">Coming from a parish's page: the council is registered there.</param>
    public async Task OnGetAsync(Guid? comuna, int? parroquia, CancellationToken cancellationToken)
    {
        Input.ParishId = parroquia;
        // A commune the reader may not register into is not offered, so it is not chosen either.
        if (comuna is { } communeId
            && await queries.CanRegisterCouncilAsync(await current.GetAsync(cancellationToken), communeId, cancellationToken)
            && await queries.CommuneParishAsync(communeId, cancellationToken) is { } parish)
        {
            Input.CommuneId = communeId;
            Input.ParishId = parish;
        }
        await LoadChoicesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        if (!ModelState.IsValid)
            return Page();
        var registered = await registerCouncil.ExecuteAsync(await current.GetAsync(cancellationToken), Input.ToInput(), cancellationToken);
        if (!registered.IsSuccess)
        {
            FormErrors.Add(ModelState, registered.Error, localizer, fieldsByCode: FieldsByCode);
            return Page();
        }
        return Redirect($"/consejos/{registered.Value.Id}");
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var actor = await current.GetAsync(cancellationToken);
        var place = await ParishPlace.ShowAsync(ViewData, queries, Input.ParishId, cancellationToken);
        // Anyone else may register into a handful of communes at most: never narrowed.
        var narrowTo = actor.IsNationalCoordinator ? place : null;
        Communes = await queries.RegistrableCommunesAsync(actor, narrowTo?.StateId, cancellationToken);
        // A commune chosen in another state (the parish typed after it) stays chosen, among all.
        if (narrowTo is not null && Input.CommuneId is { } chosen && Communes.All(c => c.Id != chosen))
        {
            narrowTo = null;
            Communes = await queries.RegistrableCommunesAsync(actor, null, cancellationToken);
        }
        CommunesOfState = narrowTo?.StateName;
        MayRegisterOutsideCommunes = actor.IsNationalCoordinator;
    }
}
