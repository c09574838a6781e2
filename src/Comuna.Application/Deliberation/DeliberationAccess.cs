using Comuna.Application.Access;
using Comuna.Domain.Access;
using Comuna.Domain.Common;
using Comuna.Domain.Registry;

namespace Comuna.Application.Deliberation;

/// <summary>
/// Who may run a council's assembly (convene it, take attendance, put and close votes, enter paper
/// ballots): its spokespeople and the admin of its commune. Anyone may see that an assembly is
/// convened and its results; names of those present go to whoever reads the council's census.
/// </summary>
public static class DeliberationAccess
{
    public static bool CanRun(Actor actor, CommunalCouncil council) => RegistryAccess.CanEditCouncil(actor, council);

    public static bool CanSeeNames(Actor actor, CommunalCouncil council) => RegistryAccess.CanReadCensus(actor, council);

    /// <summary>The residents the actor is, in this council, from their resident roles.</summary>
    public static IEnumerable<Guid> ResidentIdsOf(Actor actor) =>
        actor.Roles.Where(r => r.ResidentId is not null).Select(r => r.ResidentId!.Value);

    /// <summary>403 for those who belong to the council or read its census (they know it); 404 for
    /// everyone else, so that another commune's ids reveal nothing.</summary>
    public static Error Refusal(Actor actor, CommunalCouncil council, Guid assemblyId) =>
        Refusal(actor, council, "assembly", assemblyId);

    public static Error Refusal(Actor actor, CommunalCouncil council, string what, Guid id) =>
        CanSeeNames(actor, council) || actor.Roles.Any(r => r.CouncilId == council.Id)
            ? Error.Forbidden("forbidden", "Only the council's spokespeople and its commune's admin run its assembly.")
            : Error.NotFound(what, id);
}
