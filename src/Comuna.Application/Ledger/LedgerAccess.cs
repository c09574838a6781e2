using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Access;
using Comuna.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Ledger;

/// <summary>
/// Who keeps and who reads a commune's books. The finance unit of the commune records; everyone
/// who belongs to the commune — its residents first — reads every balance and movement (no
/// personal data is in them); social oversight reads and never writes.
/// </summary>
public static class LedgerAccess
{
    public static bool CanKeepBooks(Actor actor, Guid communeId) =>
        actor.CommunesWhere(Role.Finance).Contains(communeId);

    public static async Task<bool> CanReadBooksAsync(IComunaDb db, Actor actor, Guid communeId, CancellationToken cancellationToken) =>
        actor.IsNationalCoordinator || await RegistryAccess.HoldsAnyRoleInAsync(db, actor, communeId, cancellationToken);

    /// <summary>403 for members of the commune (the books are theirs to read), 404 for everyone else.</summary>
    public static async Task<Error> RefusalAsync(IComunaDb db, Actor actor, Guid communeId, CancellationToken cancellationToken) =>
        await CanReadBooksAsync(db, actor, communeId, cancellationToken)
            ? Error.Forbidden("forbidden", "Only the commune's finance unit records in its books.")
            : Error.NotFound("commune", communeId);
}
