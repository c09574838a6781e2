using Comuna.Application.Deliberation;
using Comuna.Domain.Deliberation;
using Microsoft.AspNetCore.Mvc;

namespace Comuna.Web.Pages.Deliberation;

/// <summary>Attendance: the search at the door and the paper roster typed in afterwards.</summary>
public sealed partial class AssemblyModel
{
    /// <summary>What was searched for at the door, kept in the form.</summary>
    public string? Query { get; private set; }

    public IReadOnlyList<AttendeeCandidate> Candidates { get; private set; } = [];

    /// <summary>The line-by-line report of the roster just entered.</summary>
    public RosterOutcome? Roster { get; private set; }

    public async Task<IActionResult> OnPostCheckInAsync(
        Guid id, Guid residentId, string? q, [FromServices] CheckIn checkIn, CancellationToken cancellationToken)
    {
        var outcome = await checkIn.ExecuteAsync(await ActorAsync(cancellationToken), id, residentId, AttendanceChannel.InPerson, cancellationToken);
        if (!outcome.IsSuccess)
            return await RefusedAsync(id, "search", outcome.Error, cancellationToken);
        var o = outcome.Value;
        Notice = o.Created
            ? Text("Checked in. {0} present; {1} needed for quorum.", o.Present, o.QuorumRequired)
            : Text("Already checked in. {0} present; {1} needed for quorum.", o.Present, o.QuorumRequired);
        return Redirect($"/asambleas/{id}?q={Uri.EscapeDataString(q ?? "")}#asistencia");
    }

    /// <summary>
    /// Answers with the page itself rather than a redirect: the report of every line is the
    /// result, too long to carry over in a cookie, and sending the same roster again only finds
    /// everyone already present.
    /// </summary>
    public async Task<IActionResult> OnPostRosterAsync(
        Guid id, string? roster, [FromServices] CheckInRoster checkInRoster, CancellationToken cancellationToken)
    {
        var outcome = await checkInRoster.ExecuteAsync(await ActorAsync(cancellationToken), id, roster, cancellationToken);
        if (!outcome.IsSuccess)
            return await RefusedAsync(id, "roster", outcome.Error, cancellationToken);
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Roster = outcome.Value;
        return Page();
    }
}
