using Comuna.Application.Access;
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
/// One assembly as everyone follows it (status, agenda, quorum, votes), with the controls of
/// those who run it and the ballot of a resident who is present. Each form posts to its own
/// handler; a refused form shows the page again with the use case's error in that form.
/// </summary>
public sealed partial class AssemblyModel(
    DeliberationQueries queries, VoterStanding standing, CurrentActor current, IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    public AssemblyView Assembly { get; private set; } = null!;

    /// <summary>The council whose Citizens' Assembly this is, or the commune whose parliament sits.</summary>
    public AssemblyBody Body { get; private set; } = null!;

    /// <summary>Where the body lists its assemblies.</summary>
    public string BodyHome => AssemblyPages.Home(Body);

    public bool CanRun { get; private set; }

    public bool CanSeeNames { get; private set; }

    public IReadOnlyList<AttendeeView> Attendance { get; private set; } = [];

    public Standing Standing { get; private set; } = Standing.Nobody;

    /// <summary>Which form the errors in the model state belong to, so that only that form shows them.</summary>
    public string? ActiveForm { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The close button was pressed once: the page asks before the minutes are sealed.</summary>
    public bool ConfirmingClose { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? q, [FromServices] AttendeeSearch search, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Query = q;
        if (CanRun && !string.IsNullOrWhiteSpace(q))
        {
            var found = await search.SearchAsync(await current.GetAsync(cancellationToken), id, q, cancellationToken);
            Candidates = found.IsSuccess ? found.Value : [];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid id, string? call, [FromServices] OpenAssembly open, CancellationToken cancellationToken)
    {
        Call? chosen = call switch { "first" => Domain.Deliberation.Call.First, "second" => Domain.Deliberation.Call.Second, _ => null };
        var opened = await open.ExecuteAsync(await current.GetAsync(cancellationToken), id, chosen, cancellationToken);
        return opened.IsSuccess ? Redirect($"/asambleas/{id}") : await RefusedAsync(id, "open", opened.Error, cancellationToken);
    }

    /// <summary>
    /// Closing writes and seals the minutes and cannot be undone, so the first press only shows
    /// what closing would do (the open votes it ends, the attendance it records); the assembly
    /// closes when the confirmation's own button posts <paramref name="confirmed"/>.
    /// </summary>
    public async Task<IActionResult> OnPostCloseAsync(Guid id, bool confirmed, [FromServices] CloseAssembly close, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            if (!await LoadAsync(id, cancellationToken))
                return NotFound();
            if (!CanRun)
                return await RefusedAsync(id, "close", DeliberationAccess.Refusal(await ActorAsync(cancellationToken), Body, id), cancellationToken);
            if (Assembly.Status == AssemblyStatus.Closed)
                return Redirect($"/asambleas/{id}/acta");
            ConfirmingClose = true;
            return Page();
        }
        var closed = await close.ExecuteAsync(await current.GetAsync(cancellationToken), id, cancellationToken);
        return closed.IsSuccess ? Redirect($"/asambleas/{id}/acta") : await RefusedAsync(id, "close", closed.Error, cancellationToken);
    }

    public async Task<IActionResult> OnPostSummaryAsync(
        Guid id, Guid itemId, string? summary, [FromServices] RecordDebateSummary record, CancellationToken cancellationToken)
    {
        var written = await record.ExecuteAsync(await current.GetAsync(cancellationToken), id, itemId, new DebateSummaryInput(summary), cancellationToken);
        if (!written.IsSuccess)
            return await RefusedAsync(id, $"summary-{itemId}", written.Error, cancellationToken);
        Notice = string.Format(localizer["The summary of item {0} is saved."], written.Value.Position);
        return Redirect($"/asambleas/{id}#punto-{written.Value.Position}");
    }

    private Task<Actor> ActorAsync(CancellationToken cancellationToken) => current.GetAsync(cancellationToken);

    private string Text(string key, params object[] arguments) => string.Format(localizer[key], arguments);

    /// <summary>The messages of the model state, for the form that was posted.</summary>
    public IEnumerable<string> ErrorsFor(string form) =>
        ActiveForm == form ? ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage) : [];

    /// <summary>Shows the page again with <paramref name="error"/> in <paramref name="form"/>; not
    /// found when the assembly, vote or item is not there for this person.</summary>
    private async Task<IActionResult> RefusedAsync(Guid id, string form, Error error, CancellationToken cancellationToken, string prefix = "Input")
    {
        if (error.Kind == ErrorKind.NotFound || !await LoadAsync(id, cancellationToken))
            return NotFound();
        // Someone who may not run the assembly has no form to show the refusal in.
        if (error.Code == "forbidden")
            return StatusCode(StatusCodes.Status403Forbidden);
        ActiveForm = form;
        FormErrors.Add(ModelState, error, localizer, prefix);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var assembly = await queries.AssemblyAsync(id, cancellationToken);
        if (!assembly.IsSuccess || await queries.BodyAsync(assembly.Value, cancellationToken) is not { } body)
            return false;
        Assembly = assembly.Value;
        Body = body;
        var actor = await current.GetAsync(cancellationToken);
        CanRun = DeliberationAccess.CanRun(actor, Body);
        CanSeeNames = DeliberationAccess.CanSeeNames(actor, Body);
        if (CanSeeNames && await queries.AttendanceAsync(actor, id, cancellationToken) is { IsSuccess: true } attendance)
            Attendance = attendance.Value;
        Standing = await standing.OfAsync(actor, id, cancellationToken);
        return true;
    }
}
