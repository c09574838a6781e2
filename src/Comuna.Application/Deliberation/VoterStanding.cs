using Comuna.Application.Access;
using Comuna.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>Where the signed-in person stands in an assembly: which resident of its council they
/// are, whether they are checked in, and the votes they have already cast a ballot in.</summary>
public sealed record Standing(Guid? ResidentId, bool Present, IReadOnlySet<Guid> VotedIn)
{
    public static readonly Standing Nobody = new(null, false, new HashSet<Guid>());
}

/// <summary>Tells the assembly page whether to offer a person their own ballot.</summary>
public sealed class VoterStanding(IComunaDb db)
{
    public async Task<Standing> OfAsync(Actor actor, Guid assemblyId, CancellationToken cancellationToken)
    {
        var own = DeliberationAccess.ResidentIdsOf(actor).ToList();
        if (own.Count == 0)
            return Standing.Nobody;
        var councilId = await db.Assemblies.Where(a => a.Id == assemblyId).Select(a => a.CouncilId).FirstOrDefaultAsync(cancellationToken);
        var residentId = await db.Residents.Where(r => own.Contains(r.Id) && r.Household!.CouncilId == councilId)
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (residentId is not { } id)
            return Standing.Nobody;
        var present = await db.Attendances.AnyAsync(a => a.AssemblyId == assemblyId && a.ResidentId == id, cancellationToken);
        var votes = db.Votes.Where(v => v.AssemblyId == assemblyId).Select(v => v.Id);
        var voted = await db.BallotCasts.Where(b => b.ResidentId == id && votes.Contains(b.VoteId)).Select(b => b.VoteId).ToListAsync(cancellationToken);
        return new Standing(id, present, voted.ToHashSet());
    }
}
