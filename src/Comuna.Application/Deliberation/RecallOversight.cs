using Comuna.Application.Access;
using Comuna.Domain.Access;
using Comuna.Domain.Registry;

namespace Comuna.Application.Deliberation;

/// <summary>Social oversight's part in a recall: it may raise one alone, and it receives paper signatures.</summary>
public static class RecallOversight
{
    public static bool IsOversightOf(Actor actor, CommunalCouncil council) =>
        actor.CouncilsWhere(Role.Oversight).Contains(council.Id)
        || (council.CommuneId is { } communeId && actor.CommunesWhere(Role.Oversight).Contains(communeId));
}
