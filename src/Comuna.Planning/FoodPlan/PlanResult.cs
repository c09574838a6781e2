namespace Comuna.Planning.FoodPlan;

/// <summary>
/// A plan, as <c>comuna plan</c> writes it: status and proof of optimality (objective and a lower
/// bound on any plan's objective), what to ship, what to import, what is still missing and what is
/// lost, and the totals of both policies side by side.
/// </summary>
public sealed record PlanResult(
    string Status,
    string Policy,
    double Objective,
    double Bound,
    double Gap,
    IReadOnlyList<Shipment> Shipments,
    IReadOnlyList<ImportUse> Imports,
    IReadOnlyList<PlaceQuantity> Unmet,
    IReadOnlyList<PlaceQuantity> Spoiled,
    PlanSummary Summary);

/// <summary>
/// Food carried from one place to another over the route between them (<c>from</c> = <c>to</c>:
/// served where it is). <c>origin</c> says whether it is domestic produce or imported.
/// </summary>
public sealed record Shipment(string From, string To, string Product, double Quantity, string Origin);

/// <summary>What is imported of a product at a port.</summary>
public sealed record ImportUse(string Product, string Place, double Quantity);

/// <summary>A quantity of a product at a place (unmet need, or domestic produce lost).</summary>
public sealed record PlaceQuantity(string Place, string Product, double Quantity);

/// <summary>
/// Totals of the plan: domestic produce offered, shipped and lost; need, delivered and unmet;
/// imports needed; transport and import cost; the import gap per product; and the same totals
/// for each policy computed on the same data.
/// </summary>
public sealed record PlanSummary(
    string Policy,
    double DomesticSupply,
    double DomesticShipped,
    double DomesticLost,
    double Need,
    double Delivered,
    double UnmetTotal,
    double ImportsNeeded,
    double TransportCost,
    double ImportCost,
    double Cost,
    double SpoiledPerUnit,
    double UnmetPerUnit,
    IReadOnlyList<ProductGap> ImportGap,
    IReadOnlyList<PolicyTotals> Comparison,
    SolveStatistics Statistics);

/// <summary>
/// A product's import gap: what domestic produce cannot cover of its need, split in what is
/// imported and what stays unmet.
/// </summary>
public sealed record ProductGap(string Product, double Need, double Domestic, double Imported, double Unmet, double Gap);

/// <summary>One policy's totals, for the side-by-side comparison.</summary>
public sealed record PolicyTotals(string Policy, string Status, double DomesticLost, double ImportsNeeded, double UnmetTotal, double Cost, double Objective);

/// <summary>How the solver got there: rounds of pricing, arcs in the restricted problem out of all, capacity rows, seconds.</summary>
public sealed record SolveStatistics(int Rounds, int ColumnsUsed, int Arcs, int CapacityRows, int Routes, double Seconds);
