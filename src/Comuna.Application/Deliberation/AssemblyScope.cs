using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>An assembly with the body it belongs to: what every assembly use case starts from.</summary>
public sealed record AssemblyScope(Assembly Assembly, AssemblyBody Body)
{
    public static async Task<Result<AssemblyScope>> LoadAsync(IComunaDb db, Guid assemblyId, CancellationToken cancellationToken, bool tracked = false)
    {
        var assemblies = tracked ? db.Assemblies : db.Assemblies.AsNoTracking();
        var assembly = await assemblies.Include(a => a.Agenda).FirstOrDefaultAsync(a => a.Id == assemblyId, cancellationToken);
        if (assembly is null)
            return Error.NotFound("assembly", assemblyId);
        var body = await BodyAsync(db, assembly.CouncilId, assembly.CommuneId, cancellationToken);
        return body is null ? Error.NotFound("assembly", assemblyId) : new AssemblyScope(assembly, body);
    }

    /// <summary>The council's assembly, or the commune's parliament; null when neither exists.</summary>
    public static async Task<AssemblyBody?> BodyAsync(IComunaDb db, Guid? councilId, Guid? communeId, CancellationToken cancellationToken)
    {
        if (councilId is { } council)
        {
            var found = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == council, cancellationToken);
            return found is null ? null : new CouncilBody(found);
        }
        if (communeId is { } commune)
        {
            var found = await db.Communes.AsNoTracking().FirstOrDefaultAsync(c => c.Id == commune, cancellationToken);
            return found is null ? null : new ParliamentBody(found);
        }
        return null;
    }

    public RuleSet Rules => RuleSets.Find(Assembly.RuleSetId) ?? RuleSets.Default;

    public static Task<int> PresentAsync(IComunaDb db, Guid assemblyId, CancellationToken cancellationToken) =>
        db.Attendances.CountAsync(a => a.AssemblyId == assemblyId, cancellationToken);
}
