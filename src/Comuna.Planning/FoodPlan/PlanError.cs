namespace Comuna.Planning.FoodPlan;

/// <summary>
/// Why a plan's input was refused: a stable code (<c>unknown-place</c>) and a message that names
/// the offending entry (<c>lots[3] (place "A", product "maiz"): quantity -5 is negative.</c>).
/// </summary>
public sealed record PlanError(string Code, string Message)
{
    public override string ToString() => Message;
}
