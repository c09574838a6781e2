using Comuna.Domain.Access;

namespace Comuna.Application.Access;

/// <summary>Who is asking, with every role they hold. Use cases decide access from this, per object.</summary>
public sealed record Actor(string? UserId, IReadOnlyList<RoleAssignment> Roles)
{
    public static readonly Actor Anonymous = new(null, []);

    public bool IsAuthenticated => UserId is not null;

    public bool IsNationalCoordinator => Roles.Any(r => r.Role == Role.NationalCoordinator);

    public bool Has(Role role, Guid? councilId = null, Guid? communeId = null) =>
        Roles.Any(r => r.Role == role
            && (councilId is null || r.CouncilId == councilId)
            && (communeId is null || r.CommuneId == communeId));

    /// <summary>The councils where the actor holds any of <paramref name="roles"/> directly.</summary>
    public IEnumerable<Guid> CouncilsWhere(params Role[] roles) =>
        Roles.Where(r => roles.Contains(r.Role) && r.CouncilId is not null).Select(r => r.CouncilId!.Value);

    /// <summary>The communes where the actor holds any of <paramref name="roles"/>.</summary>
    public IEnumerable<Guid> CommunesWhere(params Role[] roles) =>
        Roles.Where(r => roles.Contains(r.Role) && r.CommuneId is not null).Select(r => r.CommuneId!.Value);
}
