namespace Comuna.Web.Pages.Deliberation;

/// <summary>The inputs of the convene form; <see cref="Comuna.Application.Deliberation.ConveneAssembly"/> checks them.</summary>
public sealed class ConveneForm
{
    /// <summary>Venezuelan local time, as a <c>datetime-local</c> input sends it.</summary>
    public string? StartsAt { get; set; }

    public string? Place { get; set; }

    /// <summary>One agenda item per line.</summary>
    public string? Agenda { get; set; }

    public IReadOnlyList<string> AgendaItems() =>
        (Agenda ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
}
