using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>An assembly with the council it belongs to: what every assembly use case starts from.</summary>
public sealed record AssemblyScope(Assembly Assembly, CommunalCouncil Council)
{
    public static async Task<Result<AssemblyScope>> LoadAsync(IComunaDb db, Guid assemblyId, CancellationToken cancellationToken, bool tracked = false)
    {
        var assemblies = tracked ? db.Assemblies : db.Assemblies.AsNoTracking();
        var assembly = await assemblies.Include(a => a.Agenda).FirstOrDefaultAsync(a => a.Id == assemblyId, cancellationToken);
        if (assembly?.CouncilId is not { } councilId)
            return Error.NotFound("assembly", assemblyId);
        var council = await db.Councils.AsNoTracking().FirstAsync(c => c.Id == councilId, cancellationToken);
        return new AssemblyScope(assembly, council);
    }

    public RuleSet Rules => RuleSets.Find(Assembly.RuleSetId) ?? RuleSets.Default;

    public static Task<int> PresentAsync(IComunaDb db, Guid assemblyId, CancellationToken cancellationToken) =>
        db.Attendances.CountAsync(a => a.AssemblyId == assemblyId, cancellationToken);
}
