using System.Globalization;
using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>The summary of an agenda item's debate as the API receives it.</summary>
public sealed record DebateSummaryInput(string? DebateSummary);

/// <summary>
/// Writes what the debate on an agenda item said, for the minutes. Only while the assembly is in
/// session: once it closes, the minutes hold the summary and their checkpoint covers it.
/// </summary>
public sealed class RecordDebateSummary(IComunaDb db)
{
    public const int MaxLength = 20_000;

    public async Task<Result<AgendaItemView>> ExecuteAsync(
        Actor actor, Guid assemblyId, Guid itemId, DebateSummaryInput input, CancellationToken cancellationToken)
    {
        var scope = await AssemblyScope.LoadAsync(db, assemblyId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        var (assembly, body) = scope.Value;
        if (!DeliberationAccess.CanRun(actor, body))
            return DeliberationAccess.Refusal(actor, body, assemblyId);
        var item = assembly.Agenda.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
            return Error.NotFound("agenda-item", itemId);
        if (assembly.Status != AssemblyStatus.InSession)
            return Error.Conflict("assembly-not-in-session", "The debate is summarised while the assembly is in session; closed minutes do not change.");
        var summary = input.DebateSummary?.Trim();
        if (summary?.Length > MaxLength)
            return Error.Invalid("debateSummary", string.Create(CultureInfo.InvariantCulture, $"The summary has {summary.Length:N0} characters; at most {MaxLength:N0} fit in the minutes."));
        summary = string.IsNullOrEmpty(summary) ? null : summary.ReplaceLineEndings("\n");

        // Written only if the assembly is still in session at this instant: a summary that arrived
        // after the close would differ from the minutes already sealed by the checkpoint.
        var written = await db.AgendaItems
            .Where(i => i.Id == itemId && db.Assemblies.Any(a => a.Id == assemblyId && a.Status == AssemblyStatus.InSession))
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.DebateSummary, summary), cancellationToken);
        if (written == 0)
            return Error.Conflict("assembly-not-in-session", "The assembly closed before the summary arrived.");
        return new AgendaItemView(item.Id, item.Position, item.Title, summary);
    }
}
