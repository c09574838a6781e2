using System.Text.Json;
using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>
/// Assemblies as people follow them. What an assembly decided, its tallies and its anonymous vote
/// log are public; the names of those present and of open (roll-call) ballots go to whoever reads
/// the council's census.
/// </summary>
public sealed class DeliberationQueries(IComunaDb db, VoteCounting counting)
{
    /// <summary>The commune parliament's delegates, those in office first. Public: they speak for their councils.</summary>
    public async Task<IReadOnlyList<SeatView>> ParliamentAsync(Guid communeId, DateOnly today, CancellationToken cancellationToken)
    {
        var seats = await db.ParliamentSeats.AsNoTracking().Where(s => s.CommuneId == communeId)
            .Join(db.Residents, s => s.ResidentId, r => r.Id, (s, r) => new { s, Name = r.FirstNames + " " + r.LastNames })
            .ToListAsync(cancellationToken);
        return seats.Select(x => new SeatView(x.s.Id, x.s.ResidentId, x.Name, x.s.Kind, x.s.CouncilId, x.s.ElectedOn, x.s.TermEndsOn, x.s.InForceOn(today)))
            .OrderByDescending(v => v.InOffice).ThenBy(v => v.Kind).ThenBy(v => v.Name).ToList();
    }

    /// <summary>The body an assembly belongs to (a council's assembly or a commune's parliament), for pages that show either.</summary>
    public Task<AssemblyBody?> BodyAsync(AssemblyView assembly, CancellationToken cancellationToken) =>
        AssemblyScope.BodyAsync(db, assembly.CouncilId, assembly.CommuneId, cancellationToken);

    /// <summary>A commune's parliament, or null when there is no such commune.</summary>
    public async Task<ParliamentBody?> ParliamentBodyAsync(Guid communeId, CancellationToken cancellationToken) =>
        await AssemblyScope.BodyAsync(db, null, communeId, cancellationToken) as ParliamentBody;

    /// <summary>The sessions of a commune's parliament, newest first.</summary>
    public Task<IReadOnlyList<AssemblyView>> OfCommuneAsync(Guid communeId, CancellationToken cancellationToken) =>
        ListAsync(db.Assemblies.AsNoTracking().Where(a => a.CommuneId == communeId), cancellationToken);

    public Task<IReadOnlyList<AssemblyView>> OfCouncilAsync(Guid councilId, CancellationToken cancellationToken) =>
        ListAsync(db.Assemblies.AsNoTracking().Where(a => a.CouncilId == councilId), cancellationToken);

    /// <summary>A council's assemblies that are convened or in session, soonest first: those a
    /// resident may still attend, or onto whose agenda a recall may go.</summary>
    public async Task<IReadOnlyList<AssemblyView>> NotClosedOfCouncilAsync(Guid councilId, CancellationToken cancellationToken) =>
        (await ListAsync(db.Assemblies.AsNoTracking().Where(a => a.CouncilId == councilId && a.Status != AssemblyStatus.Closed), cancellationToken))
            .OrderBy(a => a.StartsAt).ToList();

    private async Task<IReadOnlyList<AssemblyView>> ListAsync(IQueryable<Assembly> assemblies, CancellationToken cancellationToken)
    {
        var ids = await assemblies
            .OrderByDescending(a => a.StartsAtUtc).Select(a => a.Id).Take(100).ToListAsync(cancellationToken);
        var views = new List<AssemblyView>();
        foreach (var id in ids)
            views.Add((await AssemblyAsync(id, cancellationToken)).Value);
        return views;
    }

    public async Task<Result<AssemblyView>> AssemblyAsync(Guid assemblyId, CancellationToken cancellationToken)
    {
        var scope = await AssemblyScope.LoadAsync(db, assemblyId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        var a = scope.Value.Assembly;
        var present = await AssemblyScope.PresentAsync(db, assemblyId, cancellationToken);
        var votes = await db.Votes.AsNoTracking().Where(v => v.AssemblyId == assemblyId).OrderBy(v => v.Id).ToListAsync(cancellationToken);
        return new AssemblyView(a.Id, a.CouncilId, a.CommuneId, a.StartsAtUtc, a.Place, a.Status, a.Call, a.OpenedAtUtc, a.ClosedAtUtc,
            a.EligibleAtOpening, a.QuorumRequired, present, Quorum.IsMet(present, a.QuorumRequired ?? 0),
            a.Agenda.OrderBy(i => i.Position).Select(i => new AgendaItemView(i.Id, i.Position, i.Title, i.DebateSummary)).ToList(),
            votes.Select(ToView).ToList(), a.ConvenedAtUtc, scope.Value.Rules.AssemblyNoticeDays);
    }

    /// <summary>The assembly's proposals in agenda order, each with its debate and its amendments.
    /// Public: what is proposed and argued in an assembly is said in front of the community.</summary>
    public async Task<Result<IReadOnlyList<ProposalView>>> ProposalsAsync(Guid assemblyId, CancellationToken cancellationToken)
    {
        var scope = await AssemblyScope.LoadAsync(db, assemblyId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        var order = scope.Value.Assembly.Agenda.ToDictionary(i => i.Id, i => i.Position);
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.AssemblyId == assemblyId).ToListAsync(cancellationToken);
        var ids = proposals.Select(p => p.Id).ToList();
        var arguments = await db.ProposalArguments.AsNoTracking().Where(a => ids.Contains(a.ProposalId)).OrderBy(a => a.WrittenAtUtc).ToListAsync(cancellationToken);
        var amendments = await db.ProposalAmendments.AsNoTracking().Where(a => ids.Contains(a.ProposalId)).OrderBy(a => a.Revision).ToListAsync(cancellationToken);
        var authorIds = proposals.Select(p => p.AuthorResidentId).Concat(arguments.Select(a => a.AuthorResidentId))
            .Concat(amendments.Select(a => a.AuthorResidentId)).Distinct().ToList();
        var names = await db.Residents.AsNoTracking().Where(r => authorIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.FirstNames + " " + r.LastNames, cancellationToken);
        return proposals.OrderBy(p => order[p.AgendaItemId]).ThenBy(p => p.Position)
            .Select(p => new ProposalView(p.Id, p.AssemblyId, p.AgendaItemId, p.Position, p.Title, p.Text, p.AuthorResidentId,
                names[p.AuthorResidentId], p.SubmittedAtUtc, p.Status, p.Revision, p.VoteId,
                arguments.Where(a => a.ProposalId == p.Id).Select(a => new ArgumentView(a.Id, a.Side, a.Text, names[a.AuthorResidentId], a.WrittenAtUtc)).ToList(),
                amendments.Where(a => a.ProposalId == p.Id).Select(a => new AmendmentView(a.Revision, a.PreviousText, a.NewText, names[a.AuthorResidentId], a.AmendedAtUtc)).ToList()))
            .ToList();
    }

    /// <summary>The recalls of a council, newest first, with how many have signed. Who signed stays in the census.</summary>
    public async Task<IReadOnlyList<RecallView>> RecallsAsync(Guid councilId, Guid? petitionId, CancellationToken cancellationToken)
    {
        var query = db.RecallPetitions.AsNoTracking().Where(p => p.CouncilId == councilId);
        if (petitionId is { } id)
            query = query.Where(p => p.Id == id);
        return await query.OrderByDescending(p => p.OpenedAtUtc)
            .Select(p => new RecallView(p.Id, p.CouncilId, p.SpokespersonId,
                db.Spokespeople.Where(s => s.Id == p.SpokespersonId).Select(s => s.Resident!.FirstNames + " " + s.Resident.LastNames).First(),
                p.Reason, p.RaisedByOversight, p.OpenedAtUtc, db.RecallSignatures.Count(s => s.PetitionId == p.Id), p.SignaturesRequired,
                p.OversightReportDueOn, p.Status, p.AssemblyId, p.VoteId))
            .ToListAsync(cancellationToken);
    }

    public async Task<Result<RecallView>> RecallAsync(Guid petitionId, CancellationToken cancellationToken)
    {
        var councilId = await db.RecallPetitions.Where(p => p.Id == petitionId).Select(p => (Guid?)p.CouncilId).FirstOrDefaultAsync(cancellationToken);
        return councilId is { } id ? (await RecallsAsync(id, petitionId, cancellationToken))[0] : Error.NotFound("recall", petitionId);
    }

    public async Task<Result<IReadOnlyList<AttendeeView>>> AttendanceAsync(Actor actor, Guid assemblyId, CancellationToken cancellationToken)
    {
        var scope = await AssemblyScope.LoadAsync(db, assemblyId, cancellationToken);
        if (!scope.IsSuccess)
            return scope.Error;
        if (!DeliberationAccess.CanSeeNames(actor, scope.Value.Body))
            return Error.NotFound("assembly", assemblyId);
        var rows = await db.Attendances.AsNoTracking().Where(a => a.AssemblyId == assemblyId)
            .Join(db.Residents, a => a.ResidentId, r => r.Id, (a, r) => new { a, r })
            .OrderBy(x => x.r.LastNames).ThenBy(x => x.r.FirstNames)
            .Select(x => new AttendeeView(x.r.Id, x.r.FirstNames + " " + x.r.LastNames, x.r.NationalId, x.a.CheckedInAtUtc, x.a.Channel))
            .ToListAsync(cancellationToken);
        return rows;
    }

    public async Task<Result<TallyView>> TallyAsync(Guid assemblyId, Guid voteId, CancellationToken cancellationToken)
    {
        var vote = await db.Votes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == voteId && v.AssemblyId == assemblyId, cancellationToken);
        if (vote is null)
            return Error.NotFound("vote", voteId);
        var r = await counting.ResultAsync(vote, cancellationToken);
        return new TallyView(r.Tally.Ballots, r.Tally.Counts, r.Tally.Ranking, r.Tally.Pairwise, r.Present, r.QuorumMet, r.Passed, vote.Status, r.DecisionId);
    }

    public async Task<Result<IReadOnlyList<LogEntryView>>> LogAsync(Guid assemblyId, Guid voteId, CancellationToken cancellationToken)
    {
        var vote = await db.Votes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == voteId && v.AssemblyId == assemblyId, cancellationToken);
        if (vote is null)
            return Error.NotFound("vote", voteId);
        var entries = await db.VoteLog.AsNoTracking().Where(e => e.VoteId == voteId).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        return entries.Select(e => new LogEntryView(e.Sequence, e.Receipt, ChoiceForLog(vote, e.Choice), e.PreviousHash, e.Hash)).ToList();
    }

    /// <summary>A yes/no/abstain choice is one word; approval and ranked choices are lists.</summary>
    public static object ChoiceForLog(Vote vote, string canonical) =>
        vote.Kind == VoteKind.YesNoAbstain ? canonical : BallotChoice.Split(canonical);

    public async Task<Result<DecisionView>> DecisionAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        var d = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == decisionId, cancellationToken);
        return d is null ? Error.NotFound("decision", decisionId) : ToView(d);
    }

    public async Task<Result<MinutesView>> MinutesAsync(Guid assemblyId, CancellationToken cancellationToken)
    {
        var m = await db.Minutes.AsNoTracking().FirstOrDefaultAsync(x => x.AssemblyId == assemblyId, cancellationToken);
        if (m is null)
            return new Error("minutes-not-found", "The assembly has no minutes yet: they are written when it closes.", ErrorKind.NotFound);
        var content = JsonSerializer.Deserialize<MinutesContent>(m.Content, MinutesWriter.Canonical)!;
        return new MinutesView(m.AssemblyId, m.WrittenAtUtc, content, m.PreviousCheckpoint, m.Checkpoint);
    }

    public static DecisionView ToView(Decision d) => new(
        d.Id, d.AssemblyId, d.VoteId, d.Text, d.DecidedAtUtc, d.CouncilId, d.CommuneId,
        d.MandatePurpose is null ? null : new MandateView(d.MandatePurpose, d.MandateAmountMinor, d.MandateCurrency, d.MandateAction,
            d.MandateSpentMinor, d.MandateRemainingMinor));

    private static VoteView ToView(Vote v) =>
        new(v.Id, v.AgendaItemId, v.Question, v.Kind, v.Secret, v.Options, v.Status, v.BallotCount, v.MandateIfApproved,
            v.Post, v.Kind == VoteKind.Election ? v.Candidates : null);
}
