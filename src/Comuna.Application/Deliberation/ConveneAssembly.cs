using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

public sealed record ConveneInput(Guid? CouncilId, Guid? CommuneId, DateTime? StartsAtUtc, string? Place, IReadOnlyList<string>? Agenda);

/// <summary>
/// Convenes a council's Citizens' Assembly: when, where, and the agenda. Residents see it on
/// their council's page from then on. Short notice is allowed (communities meet when they must)
/// but the assembly shows how much notice was given against the rule set's.
/// </summary>
public sealed class ConveneAssembly(IComunaDb db, TimeProvider clock)
{
    public async Task<Result<Assembly>> ExecuteAsync(Actor actor, ConveneInput input, CancellationToken cancellationToken)
    {
        if (input.CommuneId is not null && input.CouncilId is null)
        {
            return new Error("parliament-not-supported",
                "Sessions of a commune's parliament cannot be convened yet; convene the assembly of one of its councils.",
                ErrorKind.Validation, "communeId");
        }
        if (input.CouncilId is not { } councilId)
            return Error.Invalid("councilId", "Name the council whose assembly is convened (councilId).");
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == councilId, cancellationToken);
        if (council is null)
            return Error.NotFound("council", councilId);
        if (!DeliberationAccess.CanRun(actor, council))
            return DeliberationAccess.Refusal(actor, council, "council", councilId);
        if (input.StartsAtUtc is not { } startsAt)
            return Error.Invalid("startsAt", "The date and time of the assembly are missing.");
        var place = input.Place?.Trim() ?? "";
        if (place.Length == 0)
            return Error.Invalid("place", "The place of the assembly is missing.");
        if (place.Length > 200)
            return Error.Invalid("place", "The place is longer than 200 characters.");
        var items = (input.Agenda ?? []).Select(a => a?.Trim() ?? "").ToList();
        if (items.Count == 0)
            return Error.Invalid("agenda", "An assembly needs at least one item on its agenda.");
        if (items.Any(a => a.Length == 0 || a.Length > 300))
            return Error.Invalid("agenda", "Every agenda item needs a title of at most 300 characters.");

        var assembly = new Assembly
        {
            Id = Guid.CreateVersion7(),
            CouncilId = councilId,
            StartsAtUtc = DateTime.SpecifyKind(startsAt, DateTimeKind.Utc),
            Place = place,
            Status = AssemblyStatus.Convened,
            RuleSetId = council.RuleSetId,
            ConvenedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        for (var i = 0; i < items.Count; i++)
            assembly.Agenda.Add(new AgendaItem { Id = Guid.CreateVersion7(), AssemblyId = assembly.Id, Position = i + 1, Title = items[i] });
        db.Assemblies.Add(assembly);
        await db.SaveChangesAsync(cancellationToken);
        return assembly;
    }
}
