using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>What a check-in did: recorded the person now, or found them already present.</summary>
public sealed record CheckInOutcome(Attendance Attendance, bool Created, int Present, int QuorumRequired);

/// <summary>
/// Records a resident as present, at the door or from the paper roster. Only eligible residents
/// of the council, only while the assembly is in session; checking someone in twice records
/// them once (the database's UNIQUE(assembly, resident) decides a race).
/// </summary>
public sealed class CheckIn(IComunaDb db, TimeProvider clock)
{
    public async Task<Result<CheckInOutcome>> ExecuteAsync(
        Actor actor, Guid assemblyId, Guid residentId, AttendanceChannel channel, CancellationToken cancellationToken)
    {
        var scope = await AssemblyScope.LoadAsync(db, assemblyId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        var (assembly, body) = scope.Value;
        if (!DeliberationAccess.CanRun(actor, body))
            return DeliberationAccess.Refusal(actor, body, assemblyId);
        if (assembly.Status != AssemblyStatus.InSession)
            return Error.Conflict("assembly-not-in-session", "Attendance is taken only while the assembly is in session.");
        var openedOn = DateOnly.FromDateTime(assembly.OpenedAtUtc!.Value);
        if (!await body.Participants(db, openedOn).ContainsAsync(residentId, cancellationToken))
            return new Error("resident-not-in-council", $"The person is not a {body.MemberWord}.", ErrorKind.Validation, "residentId");
        if (!await body.Members(db, openedOn, scope.Value.Rules).ContainsAsync(residentId, cancellationToken))
            return new Error("not-eligible", $"Members of the assembly are residents aged {scope.Value.Rules.VotingAge} or over.", ErrorKind.Validation, "residentId");

        var existing = await db.Attendances.AsNoTracking()
            .FirstOrDefaultAsync(a => a.AssemblyId == assemblyId && a.ResidentId == residentId, cancellationToken);
        var created = false;
        if (existing is null)
        {
            var attendance = new Attendance
            {
                Id = Guid.CreateVersion7(),
                AssemblyId = assemblyId,
                ResidentId = residentId,
                CheckedInAtUtc = clock.GetUtcNow().UtcDateTime,
                Channel = channel,
                RecordedBy = actor.UserId ?? "system",
            };
            db.Attendances.Add(attendance);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                existing = attendance;
                created = true;
            }
            catch (DbUpdateException)
            {
                // Someone else checked the same person in at the same moment: that record stands.
                db.ChangeTracker.Clear();
                existing = await db.Attendances.AsNoTracking()
                    .FirstAsync(a => a.AssemblyId == assemblyId && a.ResidentId == residentId, cancellationToken);
            }
        }
        var present = await AssemblyScope.PresentAsync(db, assemblyId, cancellationToken);
        return new CheckInOutcome(existing, created, present, assembly.QuorumRequired ?? 0);
    }
}
