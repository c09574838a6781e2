using System.Security.Cryptography;
using System.Text;

namespace Comuna.Domain.Deliberation;

/// <summary>
/// The hash chain of a vote's log. The chain starts from a hash of the vote's frozen rules, and
/// each entry hashes its own content with the previous hash, so a recount from the log proves the
/// log whole: change one choice and every later hash disagrees.
/// </summary>
public static class VoteChain
{
    public static string Genesis(Vote vote)
    {
        var rules = string.Join('\n',
            "comuna-vote-v1", vote.Id.ToString("D"), vote.Question, vote.Kind.ToString(), vote.Secret ? "secret" : "open",
            string.Join('|', vote.Options));
        // An election also commits to its post and to who stands, so no candidate can be swapped
        // behind a name once ballots are cast.
        if (vote.Post is { } post)
            rules = string.Join('\n', rules, post.Canonical, string.Join('|', vote.Candidates.Select(c => c.ToString("D"))));
        return Sha256(rules);
    }

    public static string Link(Guid voteId, int sequence, string receipt, string choice, string previousHash) =>
        Sha256(string.Join('\n', voteId.ToString("D"), sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), receipt, choice, previousHash));

    /// <summary>Recomputes the chain; returns the sequence of the first entry that does not hold, or null when all do.</summary>
    public static int? FirstBroken(Vote vote, IEnumerable<VoteLogEntry> entries)
    {
        var previous = Genesis(vote);
        var expected = 1;
        foreach (var entry in entries.OrderBy(e => e.Sequence))
        {
            if (entry.Sequence != expected || entry.PreviousHash != previous
                || entry.Hash != Link(vote.Id, entry.Sequence, entry.Receipt, entry.Choice, previous))
                return entry.Sequence;
            previous = entry.Hash;
            expected++;
        }
        return null;
    }

    public static string Sha256(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
