using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Registry;

/// <summary>The checks registering and editing a council share.</summary>
internal static class CouncilValidation
{
    internal sealed record Checked(string Name, CouncilKind Kind, int Families, RuleSet Rules);

    /// <summary>Checks a council's fields. When editing (<paramref name="existing"/> given), the size is
    /// checked only if the kind, families or rule set change: a council registered before its census
    /// outgrew the bounds may still correct its name.</summary>
    public static async Task<Result<Checked>> CheckAsync(
        IComunaDb db, CouncilInput input, CancellationToken cancellationToken, CommunalCouncil? existing = null)
    {
        var name = RegistryRules.Name(input.Name);
        if (!name.IsSuccess)
            return name.Error;
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
            return Error.Invalid("kind", "The council's kind is missing: urban, rural or indigenous.");
        if (input.DeclaredFamilies is not { } families)
            return Error.Invalid("declaredFamilies", "The number of families is missing.");
        var rules = RegistryRules.Rules(input.RuleSetId);
        if (!rules.IsSuccess)
            return rules.Error;
        var sizeUnchanged = existing is not null && existing.Kind == kind
            && existing.DeclaredFamilies == families && existing.RuleSetId == rules.Value.Id;
        if (!sizeUnchanged && RegistryRules.CheckSize(kind, families, rules.Value) is { } sizeError)
            return sizeError;
        if (!await db.Parishes.AnyAsync(p => p.Id == input.ParishId, cancellationToken))
            return RegistryRules.UnknownTerritory(input.ParishId);
        return new Checked(name.Value, kind, families, rules.Value);
    }
}
