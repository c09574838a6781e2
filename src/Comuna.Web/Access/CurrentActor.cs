using System.Security.Claims;
using Comuna.Application.Access;
using Comuna.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Access;

/// <summary>The signed-in person of this request, with their roles read fresh from the database,
/// so that a role withdrawn takes effect at once, not when a token expires.</summary>
public sealed class CurrentActor(IHttpContextAccessor http, IComunaDb db)
{
    private Actor? _actor;

    public async Task<Actor> GetAsync(CancellationToken cancellationToken)
    {
        if (_actor is not null)
            return _actor;
        var userId = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
            return _actor = Actor.Anonymous;
        var roles = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == userId).ToListAsync(cancellationToken);
        return _actor = new Actor(userId, roles);
    }
}
