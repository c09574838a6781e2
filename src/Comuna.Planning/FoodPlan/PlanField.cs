namespace Comuna.Planning.FoodPlan;

/// <summary>
/// A field of a plan's entry as the JSON contract spells it (<c>quantity</c>, <c>costPerUnit</c>),
/// standing inside a refusal (<see cref="PlanMessages"/>): the command line and the API say it so, as
/// the file has it; a page names it as its tables' column headings do ("cantidad", "costo por unidad").
/// </summary>
public sealed record PlanField(string Name)
{
    /// <summary>Every field a refusal names, for the pages' translations.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "place", "product", "quantity", "availableDay", "spoilsAfterDay", "from", "to", "costPerUnit", "days", "capacity", "weight",
        "spoiledPerUnit", "unmetPerUnit",
    ];

    public override string ToString() => Name;
}
