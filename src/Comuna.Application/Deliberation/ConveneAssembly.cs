using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

public sealed record ConveneInput(Guid? CouncilId, Guid? CommuneId, DateTime? StartsAtUtc, string? Place, IReadOnlyList<string>? Agenda);

/// <summary>
/// Convenes a council's Citizens' Assembly, or a session of a commune's parliament: when, where, and the agenda. Residents see it on
/// their council's page from then on. Short notice is allowed (communities meet when they must)
/// but the assembly shows how much notice was given against the rule set's.
/// </summary>
public sealed class ConveneAssembly(IComunaDb db, TimeProvider clock)
{
    public async Task<Result<Assembly>> ExecuteAsync(Actor actor, ConveneInput input, CancellationToken cancellationToken)
    {
        if ((input.CouncilId is null) == (input.CommuneId is null))
            return Error.Invalid("councilId", "Name either the council whose assembly is convened (councilId) or the commune whose parliament meets (communeId).");
        var body = await AssemblyScope.BodyAsync(db, input.CouncilId, input.CommuneId, cancellationToken);
        if (body is null)
            return input.CouncilId is { } missingCouncil ? Error.NotFound("council", missingCouncil) : Error.NotFound("commune", input.CommuneId!.Value);
        if (!body.CanRun(actor))
            return DeliberationAccess.Refusal(actor, body, input.CouncilId is null ? "commune" : "council", input.CouncilId ?? input.CommuneId!.Value);
        // Every fault of the input at once, so that a form shows them all in one submission.
        var errors = new List<Error>();
        if (input.StartsAtUtc is null)
            errors.Add(Error.Invalid("startsAt", "The date and time of the assembly are missing."));
        var place = input.Place?.Trim() ?? "";
        if (place.Length == 0)
            errors.Add(Error.Invalid("place", "The place of the assembly is missing."));
        else if (place.Length > 200)
            errors.Add(Error.Invalid("place", "The place is longer than 200 characters."));
        var items = (input.Agenda ?? []).Select(a => a?.Trim() ?? "").ToList();
        if (items.Count == 0)
            errors.Add(Error.Invalid("agenda", "An assembly needs at least one item on its agenda."));
        else if (items.Any(a => a.Length == 0 || a.Length > 300))
            errors.Add(Error.Invalid("agenda", "Every agenda item needs a title of at most 300 characters."));
        if (errors.Count > 0)
            return Error.Together(errors);
        var startsAt = input.StartsAtUtc!.Value;

        var assembly = new Assembly
        {
            Id = Guid.CreateVersion7(),
            CouncilId = body.CouncilId,
            CommuneId = body.CouncilId is null ? body.CommuneId : null,
            StartsAtUtc = DateTime.SpecifyKind(startsAt, DateTimeKind.Utc),
            Place = place,
            Status = AssemblyStatus.Convened,
            RuleSetId = body.RuleSetId,
            ConvenedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        for (var i = 0; i < items.Count; i++)
            assembly.Agenda.Add(new AgendaItem { Id = Guid.CreateVersion7(), AssemblyId = assembly.Id, Position = i + 1, Title = items[i] });
        db.Assemblies.Add(assembly);
        await db.SaveChangesAsync(cancellationToken);
        return assembly;
    }
}
