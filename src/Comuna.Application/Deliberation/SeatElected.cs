using Comuna.Application.Common;
using Comuna.Domain.Deliberation;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Deliberation;

/// <summary>
/// Seats the winner of an election in its post on the day the vote closed, for the term the
/// council's rule set gives. Whoever held that same post leaves it that day: a post has one
/// spokesperson at a time. Runs inside the vote's close, after the count, never on its own.
/// </summary>
public sealed class SeatElected(IComunaDb db)
{
    /// <summary>Seats the candidate named <paramref name="winner"/>; returns the action the decision records.</summary>
    public async Task<string> SeatAsync(Vote vote, Guid councilId, string winner, DateOnly day, CancellationToken cancellationToken)
    {
        var post = vote.Post ?? throw new InvalidOperationException($"Vote {vote.Id} is not an election.");
        var residentId = vote.Candidates[vote.Options.IndexOf(winner)];
        var council = await db.Councils.AsNoTracking().SingleAsync(c => c.Id == councilId, cancellationToken);
        var rules = RuleSets.Find(council.RuleSetId) ?? RuleSets.Default;

        await db.Spokespeople
            .Where(s => s.CouncilId == councilId && s.Unit == post.Unit && s.Committee == post.Committee && s.TermEndsOn > day && s.ElectedOn < day)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.TermEndsOn, day), cancellationToken);
        var spokesperson = new Spokesperson
        {
            Id = Guid.CreateVersion7(),
            CouncilId = councilId,
            ResidentId = residentId,
            Unit = post.Unit,
            Committee = post.Committee,
            ElectedOn = day,
            TermEndsOn = rules.TermEnd(day),
            ElectedInVoteId = vote.Id,
        };
        db.Spokespeople.Add(spokesperson);
        await db.SaveChangesAsync(cancellationToken);
        // The acta is written in Spanish, as the question is; the post is named as people say it.
        return $"{winner} ocupa la vocería de {PostName(post)} desde el {day:yyyy-MM-dd} hasta el {spokesperson.TermEndsOn:yyyy-MM-dd}.";
    }

    public static string PostName(ElectionPost post) => post.Unit switch
    {
        SpokespersonUnit.Executive => $"la Unidad Ejecutiva, comité de {post.Committee}",
        SpokespersonUnit.FinanceUnit => "la Unidad Administrativa y Financiera Comunitaria",
        SpokespersonUnit.SocialOversight => "la Unidad de Contraloría Social",
        SpokespersonUnit.ElectoralCommission => "la Comisión Electoral",
        _ => post.Canonical,
    };
}
