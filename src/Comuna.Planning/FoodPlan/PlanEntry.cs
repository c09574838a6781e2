namespace Comuna.Planning.FoodPlan;

/// <summary>
/// An entry of a plan's input, as an error names it: its list, its place in the list and what
/// tells it apart (<c>lots[3] (place "A", product "maiz")</c>, in the input's own words), or a
/// part without a list (<c>penalties</c>). A page that read the entries from tables names it by
/// its table and line instead (<see cref="PlanTables.LineOf"/>).
/// </summary>
public sealed record PlanEntry(string List, int? Index = null, string? Detail = null)
{
    public override string ToString() =>
        (Index is { } index ? $"{List}[{index}]" : List) + (Detail is null ? "" : " " + Detail);
}
