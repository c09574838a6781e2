namespace Comuna.Planning.FoodPlan;

/// <summary>What the flow solver found: a quantity per arc, its objective and a proven lower bound.</summary>
public sealed record FlowSolution(
    string Status,
    double[] Quantity,
    double Objective,
    double Bound,
    int Rounds,
    int Columns,
    int CapacityRows,
    double Seconds);
