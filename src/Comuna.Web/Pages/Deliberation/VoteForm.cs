using Comuna.Domain.Deliberation;

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

    public IReadOnlyList<string> OptionList() =>
        (Options ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
}
