using Comuna.Application.Access;
using Comuna.Domain.Common;
using Comuna.Domain.Registry;

namespace Comuna.Application.Deliberation;

/// <summary>
/// Who may run an assembly (convene it, take attendance, put and close votes, enter paper
/// ballots): for a council, its spokespeople and the admin of its commune; for a commune's
/// parliament, the commune's admin. Anyone may see that an assembly is convened and its results;
/// names of those present go to whoever reads the council's census (a parliament's delegates are public).
/// </summary>
public static class DeliberationAccess
{
    public static bool CanRun(Actor actor, CommunalCouncil council) => new CouncilBody(council).CanRun(actor);

    public static bool CanRun(Actor actor, AssemblyBody body) => body.CanRun(actor);

    public static bool CanSeeNames(Actor actor, CommunalCouncil council) => new CouncilBody(council).CanSeeNames(actor);

    public static bool CanSeeNames(Actor actor, AssemblyBody body) => body.CanSeeNames(actor);

    /// <summary>The residents the actor is, from their resident roles.</summary>
    public static IEnumerable<Guid> ResidentIdsOf(Actor actor) =>
        actor.Roles.Where(r => r.ResidentId is not null).Select(r => r.ResidentId!.Value);

    public static Error Refusal(Actor actor, CommunalCouncil council, Guid assemblyId) =>
        Refusal(actor, new CouncilBody(council), "assembly", assemblyId);

    public static Error Refusal(Actor actor, AssemblyBody body, Guid assemblyId) => Refusal(actor, body, "assembly", assemblyId);

    /// <summary>403 for those who belong to the body (they know it); 404 for everyone else, so that
    /// another commune's ids reveal nothing.</summary>
    public static Error Refusal(Actor actor, CommunalCouncil council, string what, Guid id) =>
        Refusal(actor, new CouncilBody(council), what, id);

    public static Error Refusal(Actor actor, AssemblyBody body, string what, Guid id) =>
        body.Knows(actor)
            ? Error.Forbidden("forbidden", "Only those who run this body's sessions may do this.")
            : Error.NotFound(what, id);
}
