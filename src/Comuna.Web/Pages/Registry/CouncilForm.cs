using Comuna.Application.Registry;
using Comuna.Domain.Registry;

namespace Comuna.Web.Pages.Registry;

/// <summary>The inputs of the register and edit council forms. Nothing is checked here: the use
/// cases check, so a form and the API refuse exactly the same things.</summary>
public sealed class CouncilForm
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public CouncilKind? Kind { get; set; }

    public int? ParishId { get; set; }

    public Guid? CommuneId { get; set; }

    public int? DeclaredFamilies { get; set; }

    public string? RuleSetId { get; set; } = RuleSets.Default.Id;

    public CouncilInput ToInput() => new(Code, Name, Kind, ParishId ?? 0, CommuneId, DeclaredFamilies, RuleSetId);
}
