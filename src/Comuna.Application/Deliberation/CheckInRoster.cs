using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;

namespace Comuna.Application.Deliberation;

/// <summary>What happened to one line of a paper roster: checked in now, found already present, or why not.</summary>
public sealed record RosterLine(int Line, string Text, AttendeeCandidate? Resident, bool Created, Error? Error);

/// <summary>What a paper roster did, line by line, and how many are present after it.</summary>
public sealed record RosterOutcome(IReadOnlyList<RosterLine> Lines, int Present, int QuorumRequired)
{
    public int CheckedIn => Lines.Count(l => l.Created);
}

/// <summary>
/// Checks in the residents of a paper roster, one cédula per line, as the spokespeople type them
/// in after collecting the signed sheet. Each line stands alone: a typo on line 12 is reported
/// and the other lines still count, since every person on the sheet was really there.
/// </summary>
public sealed class CheckInRoster(IComunaDb db, AttendeeSearch search, CheckIn checkIn)
{
    public const int MaxLines = 2000;

    public async Task<Result<RosterOutcome>> ExecuteAsync(Actor actor, Guid assemblyId, string? roster, CancellationToken cancellationToken)
    {
        var scope = await AssemblyScope.LoadAsync(db, assemblyId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        if (!DeliberationAccess.CanRun(actor, scope.Value.Body))
            return DeliberationAccess.Refusal(actor, scope.Value.Body, assemblyId);
        if (scope.Value.Assembly.Status != AssemblyStatus.InSession)
            return Error.Conflict("assembly-not-in-session", "Attendance is taken only while the assembly is in session.");
        var lines = (roster ?? "").Split('\n').Select((text, i) => (Line: i + 1, Text: text.Trim())).Where(l => l.Text.Length > 0).ToList();
        if (lines.Count == 0)
            return Error.Invalid("roster", "The roster is empty: write one national id per line.");
        if (lines.Count > MaxLines)
            return Error.Invalid("roster", $"The roster has {lines.Count} lines; enter at most {MaxLines} at a time.");

        var report = new List<RosterLine>(lines.Count);
        foreach (var (line, text) in lines)
        {
            var resident = await search.FindAsync(actor, assemblyId, text, cancellationToken);
            if (!resident.IsSuccess)
            {
                report.Add(new RosterLine(line, text, null, false, resident.Error));
                continue;
            }
            var outcome = await checkIn.ExecuteAsync(actor, assemblyId, resident.Value.ResidentId, AttendanceChannel.PaperRoster, cancellationToken);
            report.Add(outcome.IsSuccess
                ? new RosterLine(line, text, resident.Value, outcome.Value.Created, null)
                : new RosterLine(line, text, resident.Value, false, outcome.Error));
        }
        var present = await AssemblyScope.PresentAsync(db, assemblyId, cancellationToken);
        return new RosterOutcome(report, present, scope.Value.Assembly.QuorumRequired ?? 0);
    }
}
