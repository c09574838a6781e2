using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>
/// Puts an assembly in session on its first or second call. The eligible residents are counted
/// from the census on that day and the quorum fixed from them: computed, never typed in.
/// </summary>
public sealed class OpenAssembly(IComunaDb db, TimeProvider clock)
{
    public async Task<Result<Assembly>> ExecuteAsync(Actor actor, Guid assemblyId, Call? call, CancellationToken cancellationToken)
    {
        var scope = await AssemblyScope.LoadAsync(db, assemblyId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        var (assembly, body) = scope.Value;
        if (!DeliberationAccess.CanRun(actor, body))
            return DeliberationAccess.Refusal(actor, body, assemblyId);
        if (call is not { } chosen)
            return Error.Invalid("call", "Say which call opens the assembly: first or second.");
        if (assembly.Status != AssemblyStatus.Convened)
            return Error.Conflict("assembly-not-convened", $"The assembly is {assembly.Status.ToString().ToLowerInvariant()}; only a convened assembly opens.");

        var now = clock.GetUtcNow().UtcDateTime;
        var eligible = await body.Members(db, DateOnly.FromDateTime(now), scope.Value.Rules).CountAsync(cancellationToken);
        var required = body.QuorumRequired(eligible, chosen, scope.Value.Rules);
        // Only one opening wins, even when two spokespeople press the button at once.
        var opened = await db.Assemblies.Where(a => a.Id == assemblyId && a.Status == AssemblyStatus.Convened)
            .ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Status, AssemblyStatus.InSession)
                .SetProperty(a => a.Call, chosen)
                .SetProperty(a => a.OpenedAtUtc, now)
                .SetProperty(a => a.EligibleAtOpening, eligible)
                .SetProperty(a => a.QuorumRequired, required), cancellationToken);
        if (opened == 0)
            return Error.Conflict("assembly-not-convened", "The assembly was opened meanwhile.");
        assembly.Status = AssemblyStatus.InSession;
        assembly.Call = chosen;
        assembly.OpenedAtUtc = now;
        assembly.EligibleAtOpening = eligible;
        assembly.QuorumRequired = required;
        return assembly;
    }
}
