using Comuna.Application.Deliberation;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Microsoft.AspNetCore.Mvc;

namespace Comuna.Web.Pages.Deliberation;

/// <summary>Votes: put a question, open and close it, and the ballots, online and from paper.</summary>
public sealed partial class AssemblyModel
{
    [BindProperty]
    public VoteForm NewVote { get; set; } = new();

    /// <summary>The receipt of the ballot just cast, shown once, right after it is cast.</summary>
    [TempData]
    public string? Receipt { get; set; }

    [TempData]
    public Guid? ReceiptVote { get; set; }

    public async Task<IActionResult> OnPostCreateVoteAsync(
        Guid id, [FromServices] CreateVote create, [FromServices] AttendeeSearch search, CancellationToken cancellationToken)
    {
        var mandate = Mandate();
        if (mandate is { IsSuccess: false })
        {
            if (!await LoadAsync(id, cancellationToken))
                return NotFound();
            ActiveForm = "vote";
            ModelState.AddModelError("NewVote.MandateAmount", localizer["Write the amount as a number, e.g. 1500,50."]);
            return Page();
        }
        var input = new VoteInput(NewVote.Question, NewVote.Kind, NewVote.Secret, NewVote.OptionList(), NewVote.AgendaItemId, mandate?.Value);
        if (NewVote.Kind == VoteKind.Election)
        {
            var candidates = await CandidatesAsync(id, search, cancellationToken);
            if (!candidates.IsSuccess)
                return await RefusedAsync(id, "vote", candidates.Error, cancellationToken, prefix: nameof(NewVote));
            input = input with { Post = NewVote.PostUnit is { } unit ? new ElectionPost(unit, NewVote.PostCommittee) : null, Candidates = candidates.Value };
        }
        var created = await create.ExecuteAsync(await ActorAsync(cancellationToken), id, input, cancellationToken);
        if (!created.IsSuccess)
            return await RefusedAsync(id, "vote", created.Error, cancellationToken, prefix: nameof(NewVote));
        return Redirect($"/asambleas/{id}#votacion-{created.Value.Id}");
    }

    public async Task<IActionResult> OnPostOpenVoteAsync(Guid id, Guid voteId, [FromServices] OpenVote open, CancellationToken cancellationToken)
    {
        var opened = await open.ExecuteAsync(await ActorAsync(cancellationToken), id, voteId, cancellationToken);
        return opened.IsSuccess ? Redirect($"/asambleas/{id}#votacion-{voteId}") : await RefusedAsync(id, $"vote-{voteId}", opened.Error, cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseVoteAsync(Guid id, Guid voteId, [FromServices] CloseVote close, CancellationToken cancellationToken)
    {
        var closed = await close.ExecuteAsync(await ActorAsync(cancellationToken), id, voteId, cancellationToken);
        return closed.IsSuccess ? Redirect($"/asambleas/{id}/votaciones/{voteId}") : await RefusedAsync(id, $"vote-{voteId}", closed.Error, cancellationToken);
    }

    /// <summary>A resident's own ballot: yes/no/abstain as <paramref name="choice"/>, approvals as
    /// <paramref name="choices"/>, a ranking as <paramref name="ranks"/> (one select per place).</summary>
    public async Task<IActionResult> OnPostBallotAsync(
        Guid id, Guid voteId, string? choice, List<string>? choices, List<string>? ranks, [FromServices] CastBallot cast,
        CancellationToken cancellationToken)
    {
        var ballot = new BallotInput(choice, Picked(choices, ranks), null, BallotChannel.Online);
        var receipt = await cast.ExecuteAsync(await ActorAsync(cancellationToken), id, voteId, ballot, cancellationToken);
        if (!receipt.IsSuccess)
            return await RefusedAsync(id, $"ballot-{voteId}", receipt.Error, cancellationToken);
        Receipt = receipt.Value;
        ReceiptVote = voteId;
        return Redirect($"/asambleas/{id}#recibo");
    }

    /// <summary>A paper ballot a spokesperson enters for a person present, found by their cédula.</summary>
    public async Task<IActionResult> OnPostPaperBallotAsync(
        Guid id, Guid voteId, string? nationalId, string? choice, List<string>? choices, List<string>? ranks,
        [FromServices] AttendeeSearch search, [FromServices] CastBallot cast, CancellationToken cancellationToken)
    {
        var actor = await ActorAsync(cancellationToken);
        var voter = await search.FindAsync(actor, id, nationalId, cancellationToken);
        if (!voter.IsSuccess)
            return await RefusedAsync(id, $"paper-{voteId}", voter.Error, cancellationToken);
        var ballot = new BallotInput(choice, Picked(choices, ranks), voter.Value.ResidentId, BallotChannel.Paper);
        var receipt = await cast.ExecuteAsync(actor, id, voteId, ballot, cancellationToken);
        if (!receipt.IsSuccess)
            return await RefusedAsync(id, $"paper-{voteId}", receipt.Error, cancellationToken);
        Notice = Text("Paper ballot of {0} ({1}) counted. Receipt for the voter: {2}", voter.Value.Name, voter.Value.NationalId, receipt.Value);
        return Redirect($"/asambleas/{id}#votacion-{voteId}");
    }

    /// <summary>The residents behind the candidates' cédulas, in the order written; the first line
    /// naming nobody of the census is the error, with its line number.</summary>
    private async Task<Result<IReadOnlyList<Guid>>> CandidatesAsync(Guid id, AttendeeSearch search, CancellationToken cancellationToken)
    {
        var actor = await ActorAsync(cancellationToken);
        var found = new List<Guid>();
        var lines = NewVote.CandidateList();
        for (var line = 0; line < lines.Count; line++)
        {
            var candidate = await search.FindAsync(actor, id, lines[line], cancellationToken);
            if (!candidate.IsSuccess)
                return new Error("candidate-line", Text("Line {0}: {1}", line + 1, FormErrors.Message(candidate.Error, localizer)), ErrorKind.Validation, "candidates");
            found.Add(candidate.Value.ResidentId);
        }
        return found;
    }

    /// <summary>The options of an approval or ranked ballot; a ranking leaves its empty places out.</summary>
    private static List<string> Picked(List<string>? choices, List<string>? ranks) =>
        ranks is { Count: > 0 } ? ranks.Where(r => !string.IsNullOrWhiteSpace(r)).ToList() : choices ?? [];

    /// <summary>The mandate the form describes, null when it describes none, or a failure when its amount is not a number.</summary>
    private Result<MandateTerms>? Mandate()
    {
        var purpose = NewVote.MandatePurpose?.Trim();
        if (string.IsNullOrEmpty(purpose) && string.IsNullOrWhiteSpace(NewVote.MandateAmount))
            return null;
        long? minor = null;
        if (!string.IsNullOrWhiteSpace(NewVote.MandateAmount))
        {
            if (MoneyInput.ToMinorUnits(NewVote.MandateAmount) is not { } parsed)
                return Error.Invalid("mandateAmount", "The amount is not a number.");
            minor = parsed;
        }
        return new MandateTerms(purpose ?? "", minor, NewVote.MandateCurrency?.Trim().ToUpperInvariant(), null);
    }
}
