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

    public async Task OnGetAsync(Guid? comuna, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        // Coming from a commune's page, the council most likely joins it, in the same parish.
        if (Communes.FirstOrDefault(c => c.Id == comuna) is { } commune)
        {
            Input.CommuneId = commune.Id;
            Input.ParishId = commune.ParishId;
        }
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
        Communes = await queries.RegistrableCommunesAsync(actor, cancellationToken);
        MayRegisterOutsideCommunes = actor.IsNationalCoordinator;
    }
}
