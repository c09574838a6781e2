using System.Text.Json.Serialization;

namespace Comuna.Planning.FoodPlan;

/// <summary>
/// A plan's inputs exactly as the JSON contract of <c>comuna plan</c> spells them: what is
/// produced where and when it spoils, what each commune needs, the roads between communes, the
/// ports where food can be imported, and what a lost or a missing unit weighs.
/// Every field is nullable so that validation, not the parser, names what is missing.
/// </summary>
public sealed record PlanInput
{
    public IReadOnlyList<ProductInput?>? Products { get; init; }
    public IReadOnlyList<PlaceInput?>? Places { get; init; }
    public IReadOnlyList<LotInput?>? Lots { get; init; }
    public IReadOnlyList<NeedInput?>? Needs { get; init; }
    public IReadOnlyList<RouteInput?>? Routes { get; init; }
    public IReadOnlyList<ImportInput?>? Imports { get; init; }
    public PenaltiesInput? Penalties { get; init; }
}

/// <summary>
/// A product, e.g. <c>{"id":"maiz","name":"Maíz","unit":"kg","weight":0.001}</c>. Its
/// <c>weight</c> is how much of a route's capacity one unit takes, in the measure the capacities
/// are given in (0.001 for a product counted in kg on roads whose trucks carry tonnes); without it,
/// 1, and a route's capacity counts units of every product alike.
/// </summary>
public sealed record ProductInput(string? Id, string? Name, string? Unit, double? Weight = null);

/// <summary>A commune (or a port) with its coordinates.</summary>
public sealed record PlaceInput(string? Id, string? Name, double? Lat, double? Lon);

/// <summary>
/// A harvest lot: <c>quantity</c> of a product at a place, available from <c>availableDay</c>;
/// it is lost unless it arrives where it is needed by <c>spoilsAfterDay</c>. Without
/// <c>availableDay</c> it is available on day 0; without <c>spoilsAfterDay</c> it keeps.
/// </summary>
public sealed record LotInput(string? Place, string? Product, double? Quantity, double? AvailableDay, double? SpoilsAfterDay);

/// <summary>What a place needs of a product in the period.</summary>
public sealed record NeedInput(string? Place, string? Product, double? Quantity);

/// <summary>
/// A road from one place to another: cost per unit carried, travel days, and the trucks'
/// capacity in the period, shared by every product on it (<c>null</c>: unlimited).
/// </summary>
public sealed record RouteInput(string? From, string? To, double? CostPerUnit, double? Days, double? Capacity);

/// <summary>What can be imported of a product at a port place, at a cost per unit, up to a capacity (<c>null</c>: unlimited).</summary>
public sealed record ImportInput(string? Product, string? Place, double? CostPerUnit, double? Capacity);

/// <summary>What one unit of domestic produce lost and one unit of unmet need weigh in the objective.</summary>
public sealed record PenaltiesInput(double? SpoiledPerUnit, double? UnmetPerUnit);

/// <summary>Which supply is planned first.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlanPolicy>))]
public enum PlanPolicy
{
    /// <summary>The comuneros' proposal: domestic produce first, imports only for the gap.</summary>
    ProductionFirst,

    /// <summary>The CLAP way: imports fill the needs first, domestic produce only what is left.</summary>
    ImportFirst,
}
