using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Registry;

/// <summary>What a council form or the API sends to register or edit a council.</summary>
public sealed record CouncilInput(
    string? Code, string? Name, CouncilKind? Kind, int ParishId, Guid? CommuneId, int? DeclaredFamilies, string? RuleSetId);

/// <summary>
/// Registers a communal council. Its declared families must fit the bounds of its kind: an urban
/// council of 3 families is refused with <c>council-size-out-of-range</c>.
/// </summary>
public sealed class RegisterCouncil(IComunaDb db)
{
    public async Task<Result<CommunalCouncil>> ExecuteAsync(Actor actor, CouncilInput input, CancellationToken cancellationToken)
    {
        if (input.CommuneId is { } communeId && !await db.Communes.AnyAsync(c => c.Id == communeId, cancellationToken))
            return Error.NotFound("commune", communeId);
        if (!await RegistryAccess.CanRegisterCouncilAsync(db, actor, input.CommuneId, cancellationToken))
        {
            if (input.CommuneId is not { } refusedCommune)
                return Error.Forbidden("forbidden", "Only the national coordination registers a council outside a commune.");
            return await RegistryAccess.HoldsAnyRoleInAsync(db, actor, refusedCommune, cancellationToken)
                ? Error.Forbidden("forbidden", "Your roles in this commune do not include registering councils.")
                : Error.NotFound("commune", refusedCommune);
        }

        var code = RegistryRules.Code(input.Code);
        if (!code.IsSuccess)
            return code.Error;
        var checkedInput = await CouncilValidation.CheckAsync(db, input, cancellationToken);
        if (!checkedInput.IsSuccess)
            return checkedInput.Error;
        if (await db.Councils.AnyAsync(c => c.Code == code.Value, cancellationToken))
            return Error.Conflict("council-code-taken", $"A council with code {code.Value} is already registered.");

        var council = new CommunalCouncil
        {
            Id = Guid.CreateVersion7(),
            Code = code.Value,
            Name = checkedInput.Value.Name,
            Kind = checkedInput.Value.Kind,
            ParishId = input.ParishId,
            CommuneId = input.CommuneId,
            DeclaredFamilies = checkedInput.Value.Families,
            RuleSetId = checkedInput.Value.Rules.Id,
        };
        db.Councils.Add(council);
        await db.SaveChangesAsync(cancellationToken);
        return council;
    }
}
