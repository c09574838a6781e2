using System.Text.Json;
using Comuna.Application.Common;
using Comuna.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>
/// Writes the minutes of a closed assembly and chains their checkpoint to the council's previous
/// minutes, so that rewriting any past acta breaks every checkpoint after it.
/// </summary>
public sealed class MinutesWriter(IComunaDb db, VoteCounting counting)
{
    public static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>The minutes' content. <paramref name="booksUpTo"/> is the last posting they record: the
    /// journal's head when they are written, the recorded one when they are recomposed to be verified.</summary>
    public async Task<MinutesContent> ComposeAsync(AssemblyScope scope, DateTime closedAtUtc, CancellationToken cancellationToken, long? booksUpTo = null)
    {
        var (assembly, body) = scope;
        var votes = await db.Votes.AsNoTracking().Where(v => v.AssemblyId == assembly.Id).OrderBy(v => v.Id).ToListAsync(cancellationToken);
        var minutesVotes = new List<MinutesVote>();
        foreach (var vote in votes)
        {
            var result = await counting.ResultAsync(vote, cancellationToken);
            var head = await db.VoteLog.AsNoTracking().Where(e => e.VoteId == vote.Id).OrderByDescending(e => e.Sequence)
                .Select(e => e.Hash).FirstOrDefaultAsync(cancellationToken) ?? VoteChain.Genesis(vote);
            minutesVotes.Add(new MinutesVote(vote.Id, vote.AgendaItemId, vote.Question, vote.Kind.ToString(), vote.Secret,
                result.Tally.Ballots, result.Tally.Counts, result.Tally.Ranking, result.Present, result.QuorumMet, result.Passed, head));
        }
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.AssemblyId == assembly.Id).OrderBy(d => d.Id)
            .Select(d => new MinutesDecision(d.Id, d.VoteId, d.Text, d.MandatePurpose, d.MandateAmountMinor, d.MandateCurrency, d.MandateAction))
            .ToListAsync(cancellationToken);
        var present = await AssemblyScope.PresentAsync(db, assembly.Id, cancellationToken);
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.AssemblyId == assembly.Id)
            .OrderBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.AgendaItemId,
                Minutes = new MinutesProposal(p.Id, p.Title, p.Text, p.Revision,
                    db.ProposalArguments.Count(a => a.ProposalId == p.Id && a.Side == ArgumentSide.For),
                    db.ProposalArguments.Count(a => a.ProposalId == p.Id && a.Side == ArgumentSide.Against),
                    p.Status.ToString(), p.VoteId),
            })
            .ToListAsync(cancellationToken);
        return new MinutesContent(
            assembly.Id, body.Code, body.Name, assembly.Place, assembly.StartsAtUtc, assembly.Call?.ToString(), assembly.OpenedAtUtc,
            closedAtUtc, assembly.EligibleAtOpening ?? 0, assembly.QuorumRequired ?? 0, present,
            assembly.Agenda.OrderBy(i => i.Position).Select(i => new MinutesItem(i.Position, i.Title, i.DebateSummary,
                proposals.Where(p => p.AgendaItemId == i.Id).Select(p => p.Minutes).ToList())).ToList(),
            minutesVotes, decisions,
            body.CommuneId is { } communeId ? await MinutesBooks.ComposeAsync(db, communeId, closedAtUtc, booksUpTo, cancellationToken) : null);
    }

    public async Task<Minutes> WriteAsync(AssemblyScope scope, DateTime closedAtUtc, CancellationToken cancellationToken)
    {
        var content = JsonSerializer.Serialize(await ComposeAsync(scope, closedAtUtc, cancellationToken), Canonical);
        var previous = await PreviousCheckpointAsync(scope.Body, cancellationToken);
        var minutes = new Minutes
        {
            Id = Guid.CreateVersion7(),
            AssemblyId = scope.Assembly.Id,
            WrittenAtUtc = closedAtUtc,
            Content = content,
            PreviousCheckpoint = previous,
            Checkpoint = Checkpoint(previous, content),
        };
        db.Minutes.Add(minutes);
        await db.SaveChangesAsync(cancellationToken);
        return minutes;
    }

    public static string Checkpoint(string previous, string content) => VoteChain.Sha256($"{previous}\n{content}");

    /// <summary>The checkpoint of the council's latest minutes, or the council's genesis when it has none.</summary>
    private async Task<string> PreviousCheckpointAsync(AssemblyBody body, CancellationToken cancellationToken)
    {
        var (councilId, communeId) = (body.CouncilId, body.CouncilId is null ? body.CommuneId : null);
        var assemblies = db.Assemblies.Where(a => a.CouncilId == councilId && a.CommuneId == communeId).Select(a => a.Id);
        var last = await db.Minutes.AsNoTracking().Where(m => assemblies.Contains(m.AssemblyId))
            .OrderByDescending(m => m.WrittenAtUtc).ThenByDescending(m => m.Id).Select(m => m.Checkpoint).FirstOrDefaultAsync(cancellationToken);
        return last ?? VoteChain.Sha256($"comuna-minutes-genesis\n{councilId ?? communeId:D}");
    }
}
