using Comuna.Application.Deliberation;
using Comuna.Application.Registry;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Comuna.Web.Access;
using Comuna.Web.Pages.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.Deliberation;

/// <summary>
/// A council's spokespeople and the recall of any of them: a resident starts a petition (social
/// oversight may raise one alone), residents sign it, spokespeople and oversight enter the
/// signatures collected on paper by cédula; once it holds the rule set's share of the eligible,
/// the spokespeople put it on an assembly's agenda as a secret vote.
/// </summary>
public sealed class RecallsModel(
    DeliberationQueries queries, RegistryQueries registry, CurrentActor current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public CouncilView Council { get; private set; } = null!;

    public IReadOnlyList<SpokespersonView> Spokespeople { get; private set; } = [];

    public IReadOnlyList<RecallView> Petitions { get; private set; } = [];

    /// <summary>The council's assemblies that can still take a recall onto their agenda.</summary>
    public IReadOnlyList<AssemblyView> OpenAssemblies { get; private set; } = [];

    public bool SignedIn { get; private set; }

    public bool CanRun { get; private set; }

    public bool MayEnterPaper { get; private set; }

    public string? ActiveForm { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStartAsync(
        Guid id, Guid spokespersonId, string? reason, [FromServices] StartRecall start, CancellationToken cancellationToken)
    {
        var started = await start.ExecuteAsync(await current.GetAsync(cancellationToken), id, new RecallInput(spokespersonId, reason, null), cancellationToken);
        if (!started.IsSuccess)
            return await RefusedAsync(id, "start", started.Error, cancellationToken);
        Notice = localizer["The recall petition is open; it needs the signatures shown."];
        return Redirect($"/consejos/{id}/revocatorias#peticion-{started.Value.Id}");
    }

    public async Task<IActionResult> OnPostSignAsync(
        Guid id, Guid petitionId, string? nationalId, [FromServices] SignRecall sign, CancellationToken cancellationToken)
    {
        var actor = await current.GetAsync(cancellationToken);
        Guid? onBehalfOf = null;
        if (nationalId is not null)
        {
            var person = await registry.ResidentByNationalIdAsync(actor, id, nationalId, cancellationToken);
            if (!person.IsSuccess)
                return await RefusedAsync(id, $"sign-{petitionId}", person.Error, cancellationToken);
            onBehalfOf = person.Value;
        }
        var signed = await sign.ExecuteAsync(actor, petitionId, onBehalfOf, cancellationToken);
        if (!signed.IsSuccess)
            return await RefusedAsync(id, $"sign-{petitionId}", signed.Error, cancellationToken);
        var s = signed.Value;
        Notice = string.Format(localizer[s.Created ? "Signature counted: {0} of {1}." : "That signature was already counted: {0} of {1}."], s.Signatures, s.Required);
        return Redirect($"/consejos/{id}/revocatorias#peticion-{petitionId}");
    }

    public async Task<IActionResult> OnPostAgendaAsync(
        Guid id, Guid petitionId, Guid assemblyId, [FromServices] PutRecallOnAgenda put, CancellationToken cancellationToken)
    {
        var vote = await put.ExecuteAsync(await current.GetAsync(cancellationToken), petitionId, assemblyId, cancellationToken);
        return vote.IsSuccess
            ? Redirect($"/asambleas/{assemblyId}#votacion-{vote.Value.Id}")
            : await RefusedAsync(id, $"agenda-{petitionId}", vote.Error, cancellationToken);
    }

    public IEnumerable<string> ErrorsFor(string form) =>
        ActiveForm == form ? ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage) : [];

    private async Task<IActionResult> RefusedAsync(Guid id, string form, Error error, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        ActiveForm = form;
        ModelState.AddModelError(string.Empty, FormErrors.Message(error, localizer));
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var council = await registry.CouncilAsync(id, cancellationToken);
        var spokespeople = await registry.SpokespeopleAsync(id, cancellationToken);
        if (!council.IsSuccess || !spokespeople.IsSuccess)
            return false;
        Council = council.Value;
        Spokespeople = spokespeople.Value;
        Petitions = (await queries.RecallsAsync(id, null, cancellationToken)).OrderByDescending(p => p.OpenedAt).ToList();
        var actor = await current.GetAsync(cancellationToken);
        SignedIn = actor.IsAuthenticated;
        CanRun = DeliberationAccess.CanRun(actor, Council.AsCouncil());
        MayEnterPaper = CanRun || RecallOversight.IsOversightOf(actor, Council.AsCouncil());
        if (CanRun)
            OpenAssemblies = await queries.NotClosedOfCouncilAsync(id, cancellationToken);
        return true;
    }
}
