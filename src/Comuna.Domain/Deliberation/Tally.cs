namespace Comuna.Domain.Deliberation;

/// <summary>
/// The count of a vote, computed from the log's choices and nothing else, so that anyone holding
/// the log gets the same result. Ranked votes also carry the pairwise table and the Schulze order.
/// </summary>
public sealed record Tally(
    int Ballots,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<string> Ranking,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>? Pairwise)
{
    /// <summary>The option with more votes than any other, or null when none was cast or two share
    /// the top: an election elects only a clear leader, and a tie goes back to the assembly.</summary>
    public string? SoleLeader =>
        Ranking.Count > 0 && Counts[Ranking[0]] > 0 && (Ranking.Count == 1 || Counts[Ranking[0]] > Counts[Ranking[1]]) ? Ranking[0] : null;

    public static Tally Count(Vote vote, IReadOnlyList<string> canonicalChoices)
    {
        var options = vote.Kind == VoteKind.YesNoAbstain ? BallotChoice.YesNoAbstainOptions : vote.Options.ToArray();
        if (vote.Kind == VoteKind.Ranked)
            return Schulze(options, canonicalChoices);

        // Yes/no/abstain: one option per ballot. Approval: every option approved counts once.
        var counts = options.ToDictionary(o => o, _ => 0);
        foreach (var choice in canonicalChoices)
        {
            foreach (var option in BallotChoice.Split(choice))
                counts[option]++;
        }
        var ranking = options.OrderByDescending(o => counts[o]).ThenBy(o => Array.IndexOf(options, o)).ToList();
        return new Tally(canonicalChoices.Count, counts, ranking, null);
    }

    /// <summary>
    /// The Schulze method: d[a,b] counts voters who rank a above b (ranked options stand above
    /// unranked ones); the strongest path from a to b is the best chain of such majorities; a is
    /// placed above b when its strongest path to b beats b's to a. Ties keep the options' order.
    /// </summary>
    private static Tally Schulze(string[] options, IReadOnlyList<string> rankings)
    {
        var n = options.Length;
        var index = options.Select((o, i) => (o, i)).ToDictionary(x => x.o, x => x.i);
        var d = new int[n, n];
        var firstPlaces = options.ToDictionary(o => o, _ => 0);
        foreach (var ballot in rankings)
        {
            var ranked = BallotChoice.Split(ballot);
            if (ranked.Count > 0)
                firstPlaces[ranked[0]]++;
            var position = Enumerable.Repeat(int.MaxValue, n).ToArray();
            for (var r = 0; r < ranked.Count; r++)
                position[index[ranked[r]]] = r;
            for (var a = 0; a < n; a++)
            {
                for (var b = 0; b < n; b++)
                {
                    if (a != b && position[a] < position[b])
                        d[a, b]++;
                }
            }
        }

        var p = new int[n, n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
                p[a, b] = a != b && d[a, b] > d[b, a] ? d[a, b] : 0;
        }
        for (var k = 0; k < n; k++)
        {
            for (var a = 0; a < n; a++)
            {
                if (a == k)
                    continue;
                for (var b = 0; b < n; b++)
                {
                    if (b != a && b != k)
                        p[a, b] = Math.Max(p[a, b], Math.Min(p[a, k], p[k, b]));
                }
            }
        }

        var wins = Enumerable.Range(0, n).Select(a => Enumerable.Range(0, n).Count(b => b != a && p[a, b] > p[b, a])).ToArray();
        var ranking = Enumerable.Range(0, n).OrderByDescending(a => wins[a]).ThenBy(a => a).Select(a => options[a]).ToList();
        var pairwise = options.ToDictionary(
            a => a,
            a => (IReadOnlyDictionary<string, int>)options.Where(b => b != a).ToDictionary(b => b, b => d[index[a], index[b]]));
        return new Tally(rankings.Count, firstPlaces, ranking, pairwise);
    }
}
