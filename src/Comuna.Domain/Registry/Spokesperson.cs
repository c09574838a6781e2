namespace Comuna.Domain.Registry;

/// <summary>An elected spokesperson (vocero, vocera) of a council's unit, for a term the rule set fixes.</summary>
public sealed class Spokesperson
{
    public Guid Id { get; set; }
    public Guid CouncilId { get; set; }
    public Guid ResidentId { get; set; }
    public Resident? Resident { get; set; }
    public SpokespersonUnit Unit { get; set; }

    /// <summary>The work committee (health, food, housing …) for spokespeople of the executive unit.</summary>
    public string? Committee { get; set; }

    public DateOnly ElectedOn { get; set; }

    /// <summary>The assembly's election that seated them, when Comuna counted it; null when the
    /// result of an election held elsewhere was recorded afterwards.</summary>
    public Guid? ElectedInVoteId { get; set; }
    public DateOnly TermEndsOn { get; set; }
}
