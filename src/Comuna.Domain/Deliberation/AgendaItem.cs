namespace Comuna.Domain.Deliberation;

/// <summary>One point of an assembly's agenda, in the order the assembly takes them.</summary>
public sealed class AgendaItem
{
    public Guid Id { get; set; }
    public Guid AssemblyId { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }

    /// <summary>What the debate said, for the minutes; written by the secretary during the session.</summary>
    public string? DebateSummary { get; set; }
}
