using Comuna.Planning.FoodPlan;

namespace Comuna.Web.FoodPlan;

/// <summary>
/// How a plan's places and products read for a person: by the names its input gives them
/// ("Panal 2021", "Maíz"), and by their ids where the input gives none. Two communes may well share
/// a name (many are called after Simón Bolívar): a name borne by more than one place carries its id
/// too, "Simón Bolívar (COM-MI-SIMONBOLIVAR)". Pages and printed orders speak in names; the
/// contract's JSON and the CSV's first columns keep the ids.
/// </summary>
public sealed class PlanNames
{
    private readonly Dictionary<string, string> _places = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Name, string Unit)> _products = new(StringComparer.Ordinal);

    private PlanNames()
    {
    }

    public static PlanNames Of(PlanInput input)
    {
        var names = new PlanNames();
        var places = (input.Places ?? []).Where(p => p?.Id is not null)
            .Select(p => (Id: p!.Id!, Name: string.IsNullOrWhiteSpace(p.Name) ? p.Id! : p.Name.Trim())).ToList();
        var shared = places.GroupBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => g.Key).ToHashSet(StringComparer.CurrentCultureIgnoreCase);
        foreach (var (id, name) in places)
            names._places.TryAdd(id, shared.Contains(name) && name != id ? $"{name} ({id})" : name);
        foreach (var product in input.Products ?? [])
        {
            if (product?.Id is { } id)
                names._products.TryAdd(id, (string.IsNullOrWhiteSpace(product.Name) ? id : product.Name, product.Unit ?? ""));
        }
        return names;
    }

    public string Place(string id) => _places.GetValueOrDefault(id, id);

    public string Product(string id) => _products.TryGetValue(id, out var product) ? product.Name : id;

    /// <summary>The product's unit ("kg", "t"); empty when the input gives none.</summary>
    public string Unit(string id) => _products.TryGetValue(id, out var product) ? product.Unit : "";
}
