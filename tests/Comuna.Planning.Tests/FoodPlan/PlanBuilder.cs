using Comuna.Planning.FoodPlan;

namespace Comuna.Planning.Tests.FoodPlan;

/// <summary>Small hand-made plans: places and products by id, the rest added line by line.</summary>
internal sealed class PlanBuilder
{
    private readonly List<ProductInput?> _products = [];
    private readonly List<PlaceInput?> _places = [];
    private readonly List<LotInput?> _lots = [];
    private readonly List<NeedInput?> _needs = [];
    private readonly List<RouteInput?> _routes = [];
    private readonly List<ImportInput?> _imports = [];
    private PenaltiesInput? _penalties = new(1000, 100);

    public PlanBuilder Products(params string[] ids)
    {
        _products.AddRange(ids.Select(id => new ProductInput(id, id, "t")));
        return this;
    }

    public PlanBuilder Places(params string[] ids)
    {
        _places.AddRange(ids.Select(id => new PlaceInput(id, id, 8, -66)));
        return this;
    }

    public PlanBuilder Lot(string place, string product, double quantity, double available = 0, double? spoils = null)
    {
        _lots.Add(new LotInput(place, product, quantity, available, spoils));
        return this;
    }

    public PlanBuilder Need(string place, string product, double quantity)
    {
        _needs.Add(new NeedInput(place, product, quantity));
        return this;
    }

    public PlanBuilder Route(string from, string to, double cost, double days = 1, double? capacity = null)
    {
        _routes.Add(new RouteInput(from, to, cost, days, capacity));
        return this;
    }

    public PlanBuilder Import(string product, string place, double cost, double? capacity = null)
    {
        _imports.Add(new ImportInput(product, place, cost, capacity));
        return this;
    }

    public PlanBuilder Penalties(double? spoiled, double? unmet)
    {
        _penalties = spoiled is null && unmet is null ? null : new PenaltiesInput(spoiled, unmet);
        return this;
    }

    public PlanInput Build() => new()
    {
        Products = _products,
        Places = _places,
        Lots = _lots,
        Needs = _needs,
        Routes = _routes,
        Imports = _imports,
        Penalties = _penalties,
    };

    public static PlanProblem Problem(PlanInput input)
    {
        var (problem, errors) = PlanProblem.Build(input);
        Assert.True(problem is not null, string.Join("; ", errors));
        return problem!;
    }

    public static PlanResult Plan(PlanInput input, PlanPolicy policy = PlanPolicy.ProductionFirst) =>
        FoodPlanner.Plan(Problem(input), policy);
}
