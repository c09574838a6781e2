namespace Comuna.Domain.Deliberation;

/// <summary>
/// A Citizens' Assembly of one council (or the parliament of a commune): the highest authority of
/// the community. It decides only while in session and with its quorum present.
/// </summary>
public sealed class Assembly
{
    public Guid Id { get; set; }

    /// <summary>The council whose assembly this is; null for a commune's parliament.</summary>
    public Guid? CouncilId { get; set; }

    /// <summary>The commune whose parliament this is; null for a council's assembly.</summary>
    public Guid? CommuneId { get; set; }

    public DateTime StartsAtUtc { get; set; }
    public required string Place { get; set; }
    public AssemblyStatus Status { get; set; }
    public required string RuleSetId { get; set; }
    public DateTime ConvenedAtUtc { get; set; }

    public Call? Call { get; set; }
    public DateTime? OpenedAtUtc { get; set; }
    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>Residents eligible on the day it opened, counted from the census when it opened.</summary>
    public int? EligibleAtOpening { get; set; }

    /// <summary>How many must be present for it to decide, from the call and the rule set.</summary>
    public int? QuorumRequired { get; set; }

    public List<AgendaItem> Agenda { get; set; } = [];
}
