using Comuna.Application.Deliberation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Deliberation;

/// <summary>
/// One vote in public: its count, whether it passed, the decision it made, and its log, where
/// each voter finds their ballot by the receipt only they were given.
/// </summary>
public sealed class VoteModel(DeliberationQueries queries) : PageModel
{
    public AssemblyView Assembly { get; private set; } = null!;

    public VoteView Vote { get; private set; } = null!;

    public TallyView Tally { get; private set; } = null!;

    public IReadOnlyList<LogEntryView> Log { get; private set; } = [];

    public DecisionView? Decision { get; private set; }

    /// <summary>The receipt someone looks for, and the entry that carries it, if any.</summary>
    public string? Receipt { get; private set; }

    public LogEntryView? Found { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid voteId, string? recibo, CancellationToken cancellationToken)
    {
        var assembly = await queries.AssemblyAsync(id, cancellationToken);
        if (!assembly.IsSuccess || assembly.Value.Votes.FirstOrDefault(v => v.Id == voteId) is not { } vote)
            return NotFound();
        Assembly = assembly.Value;
        Vote = vote;
        Tally = (await queries.TallyAsync(id, voteId, cancellationToken)).Value;
        Log = (await queries.LogAsync(id, voteId, cancellationToken)).Value;
        if (Tally.DecisionId is { } decisionId && await queries.DecisionAsync(decisionId, cancellationToken) is { IsSuccess: true } decision)
            Decision = decision.Value;
        Receipt = recibo?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(Receipt))
            Found = Log.FirstOrDefault(e => e.Receipt == Receipt);
        return Page();
    }

    /// <summary>A choice as the log holds it, in words: "sí", or the options in order.</summary>
    public string ChoiceText(object choice, Func<string, string> translate) => choice switch
    {
        string single => translate(single),
        IEnumerable<string> several => string.Join(Vote.Kind == Domain.Deliberation.VoteKind.Ranked ? " › " : ", ", several),
        _ => choice.ToString() ?? "",
    };

    /// <summary>The start of a hash: enough to compare by eye, the whole one is in the API.</summary>
    public static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
