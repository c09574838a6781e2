using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Application.Registry;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>A resident as the spokesperson at the door finds them, and whether they are already in.</summary>
public sealed record AttendeeCandidate(Guid ResidentId, string Name, string NationalId, bool Present);

/// <summary>
/// Finds the residents of an assembly's council for those who take its attendance: by name or
/// cédula, among the residents old enough to be members of the assembly, a short list at a time
/// (a phone at the door shows 20 names, not the whole census).
/// </summary>
public sealed class AttendeeSearch(IComunaDb db, TimeProvider clock)
{
    public const int MaxResults = 20;

    public async Task<Result<IReadOnlyList<AttendeeCandidate>>> SearchAsync(
        Actor actor, Guid assemblyId, string? query, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(actor, assemblyId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        var (assembly, body) = scope.Value;
        var words = (query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
            return Array.Empty<AttendeeCandidate>();

        // Members of the assembly are those of voting age on the day it opened (today, before it opens).
        var day = DateOnly.FromDateTime(assembly.OpenedAtUtc ?? clock.GetUtcNow().UtcDateTime);
        var members = body.Members(db, day, scope.Value.Rules);
        var residents = db.Residents.AsNoTracking().Where(r => members.Contains(r.Id));
        var digits = new string(query!.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length >= 3)
        {
            residents = residents.Where(r => r.NationalId.Contains(digits));
        }
        else
        {
            // Every word must appear in the name: "ana pérez" finds Ana María Pérez Rojas.
            foreach (var word in words.Select(w => w.ToLowerInvariant()))
                residents = residents.Where(r => (r.FirstNames + " " + r.LastNames).ToLower().Contains(word));
        }
        var found = await residents.OrderBy(r => r.LastNames).ThenBy(r => r.FirstNames).ThenBy(r => r.NationalId).Take(MaxResults)
            .Select(r => new AttendeeCandidate(r.Id, r.FirstNames + " " + r.LastNames, r.NationalId,
                db.Attendances.Any(a => a.AssemblyId == assemblyId && a.ResidentId == r.Id)))
            .ToListAsync(cancellationToken);
        return found;
    }

    /// <summary>The council's resident with this cédula, as written on a paper roster or ballot:
    /// "V-12345678", "v12345678" and, when only one person has the number, "12345678".</summary>
    public async Task<Result<AttendeeCandidate>> FindAsync(Actor actor, Guid assemblyId, string? nationalId, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(actor, assemblyId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        var participants = scope.Value.Body.Participants(db, DateOnly.FromDateTime(scope.Value.Assembly.OpenedAtUtc ?? clock.GetUtcNow().UtcDateTime));
        var found = await NationalIdLookup.FindAsync(db.Residents.Where(r => participants.Contains(r.Id)), nationalId, cancellationToken);
        if (!found.IsSuccess)
            return found.Error;
        var r = found.Value;
        var present = await db.Attendances.AnyAsync(a => a.AssemblyId == assemblyId && a.ResidentId == r.Id, cancellationToken);
        return new AttendeeCandidate(r.Id, r.FirstNames + " " + r.LastNames, r.NationalId, present);
    }

    private async Task<Result<AssemblyScope>> ScopeAsync(Actor actor, Guid assemblyId, CancellationToken cancellationToken)
    {
        var scope = await AssemblyScope.LoadAsync(db, assemblyId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        if (!DeliberationAccess.CanRun(actor, scope.Value.Body))
            return DeliberationAccess.Refusal(actor, scope.Value.Body, assemblyId);
        return scope.Value;
    }
}
