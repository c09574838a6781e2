using Comuna.Application.Deliberation;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Comuna.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.Deliberation;

/// <summary>
/// The proposals of an assembly, under the agenda items they belong to: any resident submits one
/// and argues for or against; its author (or the spokespeople, recording what the assembly
/// agreed) amends it while it is in debate, each change kept; those who run the assembly put it
/// to the vote. Each form posts to its own handler and shows its own refusal.
/// </summary>
public sealed class ProposalsModel(
    DeliberationQueries queries, CurrentActor current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public AssemblyView Assembly { get; private set; } = null!;

    public AssemblyBody Body { get; private set; } = null!;

    public IReadOnlyList<ProposalView> Proposals { get; private set; } = [];

    public bool CanRun { get; private set; }

    public bool SignedIn { get; private set; }

    /// <summary>The residents the signed-in account is, to offer authors the amendment form.</summary>
    public IReadOnlySet<Guid> Me { get; private set; } = new HashSet<Guid>();

    public string? ActiveForm { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSubmitAsync(
        Guid id, Guid? agendaItemId, string? title, string? text, [FromServices] SubmitProposal submit, CancellationToken cancellationToken)
    {
        var created = await submit.ExecuteAsync(await current.GetAsync(cancellationToken), id, new ProposalInput(agendaItemId, title, text, null), cancellationToken);
        if (!created.IsSuccess)
            return await RefusedAsync(id, "submit", created.Error, cancellationToken);
        Notice = string.Format(localizer["Your proposal “{0}” is on the agenda."], created.Value.Title);
        return Redirect($"/asambleas/{id}/propuestas#propuesta-{created.Value.Id}");
    }

    public async Task<IActionResult> OnPostArgueAsync(
        Guid id, Guid proposalId, ArgumentSide? side, string? text, [FromServices] ArgueProposal argue, CancellationToken cancellationToken)
    {
        var argued = await argue.ExecuteAsync(await current.GetAsync(cancellationToken), proposalId, new ArgumentInput(side, text, null), cancellationToken);
        return argued.IsSuccess
            ? Redirect($"/asambleas/{id}/propuestas#propuesta-{proposalId}")
            : await RefusedAsync(id, $"argue-{proposalId}", argued.Error, cancellationToken);
    }

    public async Task<IActionResult> OnPostAmendAsync(
        Guid id, Guid proposalId, string? text, [FromServices] AmendProposal amend, CancellationToken cancellationToken)
    {
        var amended = await amend.ExecuteAsync(await current.GetAsync(cancellationToken), proposalId, new AmendmentInput(text, null), cancellationToken);
        if (!amended.IsSuccess)
            return await RefusedAsync(id, $"amend-{proposalId}", amended.Error, cancellationToken);
        Notice = string.Format(localizer["Amendment {0} saved."], amended.Value.Revision);
        return Redirect($"/asambleas/{id}/propuestas#propuesta-{proposalId}");
    }

    public async Task<IActionResult> OnPostToVoteAsync(
        Guid id, Guid proposalId, bool secret, string? mandatePurpose, string? mandateAmount, string? mandateCurrency,
        [FromServices] PutProposalToVote put, CancellationToken cancellationToken)
    {
        MandateTerms? mandate = null;
        if (!string.IsNullOrWhiteSpace(mandatePurpose) || !string.IsNullOrWhiteSpace(mandateAmount))
        {
            long? minor = null;
            if (!string.IsNullOrWhiteSpace(mandateAmount))
            {
                minor = MoneyInput.ToMinorUnits(mandateAmount);
                if (minor is null)
                    return await RefusedAsync(id, $"vote-{proposalId}", Error.Invalid("mandateAmount", localizer["Write the amount as a number, e.g. 1500,50."]), cancellationToken);
            }
            mandate = new MandateTerms(mandatePurpose?.Trim() ?? "", minor, mandateCurrency?.Trim().ToUpperInvariant(), null);
        }
        var vote = await put.ExecuteAsync(await current.GetAsync(cancellationToken), proposalId, new PutToVoteInput(secret, mandate), cancellationToken);
        return vote.IsSuccess
            ? Redirect($"/asambleas/{id}#votacion-{vote.Value.Id}")
            : await RefusedAsync(id, $"vote-{proposalId}", vote.Error, cancellationToken);
    }

    public IEnumerable<string> ErrorsFor(string form) =>
        ActiveForm == form ? ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage) : [];

    private async Task<IActionResult> RefusedAsync(Guid id, string form, Error error, CancellationToken cancellationToken)
    {
        if (error.Kind == ErrorKind.NotFound || !await LoadAsync(id, cancellationToken))
            return NotFound();
        ActiveForm = form;
        ModelState.AddModelError(string.Empty, FormErrors.Message(error, localizer));
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var assembly = await queries.AssemblyAsync(id, cancellationToken);
        if (!assembly.IsSuccess || await queries.BodyAsync(assembly.Value, cancellationToken) is not { } body)
            return false;
        var proposals = await queries.ProposalsAsync(id, cancellationToken);
        if (!proposals.IsSuccess)
            return false;
        Assembly = assembly.Value;
        Body = body;
        Proposals = proposals.Value;
        var actor = await current.GetAsync(cancellationToken);
        SignedIn = actor.UserId is not null;
        CanRun = DeliberationAccess.CanRun(actor, Body);
        Me = DeliberationAccess.ResidentIdsOf(actor).ToHashSet();
        return true;
    }
}
