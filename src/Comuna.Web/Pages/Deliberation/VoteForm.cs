using Comuna.Domain.Deliberation;
using Comuna.Domain.Registry;

namespace Comuna.Web.Pages.Deliberation;

/// <summary>The inputs of the new vote form; <see cref="Comuna.Application.Deliberation.CreateVote"/> checks them.</summary>
public sealed class VoteForm
{
    public string? Question { get; set; }

    public VoteKind? Kind { get; set; }

    public bool Secret { get; set; } = true;

    /// <summary>One option per line, for approval and ranked votes.</summary>
    public string? Options { get; set; }

    public Guid? AgendaItemId { get; set; }

    public string? MandatePurpose { get; set; }

    /// <summary>In the currency's units, as people say it: 1500,50 bolívares.</summary>
    public string? MandateAmount { get; set; }

    public string? MandateCurrency { get; set; } = "VES";

    /// <summary>For an election: the unit of the post.</summary>
    public SpokespersonUnit? PostUnit { get; set; }

    /// <summary>For an election to the executive unit: the work committee.</summary>
    public string? PostCommittee { get; set; }

    /// <summary>For an election: the candidates' cédulas, one per line, in the ballot's order.</summary>
    public string? Candidates { get; set; }

    public IReadOnlyList<string> OptionList() => Lines(Options);

    public IReadOnlyList<string> CandidateList() => Lines(Candidates);

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
}
