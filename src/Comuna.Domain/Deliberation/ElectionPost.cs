using Comuna.Domain.Registry;

namespace Comuna.Domain.Deliberation;

/// <summary>
/// The one post an election fills: a unit of the council and, for the executive unit, the work
/// committee it speaks for ("Ejecutiva, comité de salud"). Spokespeople are elected one post at a
/// time, so a ballot never mixes two posts.
/// </summary>
public sealed record ElectionPost(SpokespersonUnit Unit, string? Committee)
{
    /// <summary>The post as the log's genesis commits to it.</summary>
    public string Canonical => Committee is null ? Unit.ToString() : $"{Unit}:{Committee}";
}
