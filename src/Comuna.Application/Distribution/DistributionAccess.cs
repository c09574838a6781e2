using Comuna.Application.Access;
using Comuna.Domain.Common;
using Comuna.Domain.Registry;

namespace Comuna.Application.Distribution;

/// <summary>
/// Who may do what with a council's distribution rounds (docs/permissions.md). The council's
/// spokespeople and the admin of its commune run rounds and mark households served; whoever reads
/// the census sees which household gets how many (the allocation names households and their
/// reasons for priority, which include health); a resident sees their own household's
/// entitlement; rounds, their counts, their minutes and the transparency view are public.
/// </summary>
public static class DistributionAccess
{
    public static bool CanRun(Actor actor, CommunalCouncil council) => RegistryAccess.CanEditCouncil(actor, council);

    public static bool CanSeeHouseholds(Actor actor, CommunalCouncil council) => RegistryAccess.CanReadCensus(actor, council);

    /// <summary>Whether the actor holds a role in the council or its commune: they are told "forbidden",
    /// everyone else "not found", so that another commune's ids reveal nothing.</summary>
    public static bool Knows(Actor actor, CommunalCouncil council) =>
        actor.IsNationalCoordinator
        || actor.Roles.Any(r => r.CouncilId == council.Id || (council.CommuneId is { } communeId && r.CommuneId == communeId));

    public static Error Refusal(Actor actor, CommunalCouncil council, string what, Guid id) =>
        Knows(actor, council)
            ? Error.Forbidden("forbidden", "Only the council's spokespeople and its commune's admin run its distribution rounds.")
            : Error.NotFound(what, id);
}
