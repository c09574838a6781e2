using Comuna.Application.Common;
using Comuna.Domain.Access;
using Comuna.Domain.Common;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Access;

/// <summary>
/// Who may see and change which part of the registry: the one place where docs/permissions.md
/// becomes code. Summaries (names, codes, counts) are public; households and residents are not.
/// </summary>
public static class RegistryAccess
{
    /// <summary>Households and residents of a council: its spokespeople, finance and oversight, the
    /// same units and the admin of its commune, and the national coordination.</summary>
    public static bool CanReadCensus(Actor actor, CommunalCouncil council) =>
        actor.IsNationalCoordinator
        || actor.CouncilsWhere(Role.Spokesperson, Role.Finance, Role.Oversight).Contains(council.Id)
        || (council.CommuneId is { } communeId
            && actor.CommunesWhere(Role.CommuneAdmin, Role.Finance, Role.Oversight).Contains(communeId));

    /// <summary>Editing a council and its census: its spokespeople and the admin of its commune.
    /// Oversight never writes what it audits.</summary>
    public static bool CanEditCouncil(Actor actor, CommunalCouncil council) =>
        actor.CouncilsWhere(Role.Spokesperson).Contains(council.Id)
        || (council.CommuneId is { } communeId && actor.CommunesWhere(Role.CommuneAdmin).Contains(communeId));

    /// <summary>The error for a refused write: 404 where the actor may not even see the census, so
    /// that another commune's ids reveal nothing; 403 where they may read but not write.</summary>
    public static Error Refusal(Actor actor, CommunalCouncil council) =>
        CanReadCensus(actor, council)
            ? Error.Forbidden("forbidden", "Your roles let you read this council, not change it.")
            : Error.NotFound("council", council.Id);

    /// <summary>Registering a council into a commune: the commune's admin or a spokesperson of one of
    /// its councils; a council outside any commune, only the national coordination.</summary>
    public static async Task<bool> CanRegisterCouncilAsync(
        IComunaDb db, Actor actor, Guid? communeId, CancellationToken cancellationToken)
    {
        if (actor.IsNationalCoordinator)
            return true;
        if (communeId is not { } id)
            return false;
        return await RegistrableCommunes(db, actor).AnyAsync(c => c.Id == id, cancellationToken);
    }

    /// <summary>The communes the actor may register a council into: every one for the national
    /// coordination; otherwise those they administer and those where they speak for a council.</summary>
    public static IQueryable<Commune> RegistrableCommunes(IComunaDb db, Actor actor)
    {
        if (actor.IsNationalCoordinator)
            return db.Communes;
        var administered = actor.CommunesWhere(Role.CommuneAdmin).ToList();
        var spokespersonCouncils = actor.CouncilsWhere(Role.Spokesperson).ToList();
        return db.Communes.Where(c => administered.Contains(c.Id) || c.Councils.Any(k => spokespersonCouncils.Contains(k.Id)));
    }

    /// <summary>Whether the actor may register a council anywhere: the national coordination, a commune's admin, a council's spokesperson.</summary>
    public static bool MayRegisterSomeCouncil(Actor actor) =>
        actor.IsNationalCoordinator
        || actor.CommunesWhere(Role.CommuneAdmin).Any()
        || actor.CouncilsWhere(Role.Spokesperson).Any();

    /// <summary>Whether the actor holds any role in the commune or one of its councils: such a person
    /// is told "forbidden" rather than "not found", since they already know the commune.</summary>
    public static async Task<bool> HoldsAnyRoleInAsync(IComunaDb db, Actor actor, Guid communeId, CancellationToken cancellationToken)
    {
        if (actor.Roles.Any(r => r.CommuneId == communeId))
            return true;
        var councils = actor.Roles.Where(r => r.CouncilId is not null).Select(r => r.CouncilId!.Value).ToList();
        return councils.Count > 0 && await db.Councils.AnyAsync(c => c.CommuneId == communeId && councils.Contains(c.Id), cancellationToken);
    }

    public static bool CanCreateCommune(Actor actor) => actor.IsNationalCoordinator;

    /// <summary>A household: whoever reads its council's census, and the residents who live in it.</summary>
    public static async Task<bool> CanReadHouseholdAsync(
        IComunaDb db, Actor actor, CommunalCouncil council, Guid householdId, CancellationToken cancellationToken)
    {
        if (CanReadCensus(actor, council))
            return true;
        var residentIds = actor.Roles
            .Where(r => r.Role == Role.Resident && r.ResidentId is not null)
            .Select(r => r.ResidentId!.Value)
            .ToList();
        return residentIds.Count > 0 && await db.Residents
            .AnyAsync(r => r.HouseholdId == householdId && residentIds.Contains(r.Id), cancellationToken);
    }
}
