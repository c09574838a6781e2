using System.Security.Claims;
using System.Text;
using Comuna.Application.FoodPlan;
using Comuna.Planning.FoodPlan;
using Comuna.Web.FoodPlan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.FoodPlan;

/// <summary>
/// The food plan from a page: paste or upload a plan's inputs (the JSON of <c>comuna plan</c>),
/// and start planning it; the run's page (<see cref="RunModel"/>) shows its progress and then its
/// result. The needs can come from the registry instead of being written: the communes' families ×
/// a basket per family. Below the form, the account's own plans, kept in the database, newest first,
/// and the plans anyone has published.
/// </summary>
[Authorize]
public sealed class PlanModel(IStringLocalizer<SharedResource> localizer, PlanRuns runs, CensusFamilies census, SavedPlans saved) : PageModel
{
    /// <summary>Inputs above this size are refused: the page is for a region's plan, the CLI for the nation's.</summary>
    public const int MaxInputBytes = 8 * 1024 * 1024;

    [BindProperty]
    public string? Json { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string Policy { get; set; } = "production-first";

    /// <summary>How close to the optimum the plan must be proven (<see cref="Comuna.Web.FoodPlan.PlanMargin"/>); blank for the proof of the optimum.</summary>
    [BindProperty]
    public string? Margin { get; set; }

    /// <summary>The basket per family per period, one product a line (<see cref="Comuna.Planning.FoodPlan.Basket"/>).</summary>
    [BindProperty]
    public string? Basket { get; set; }

    /// <summary>The codes of the communes whose needs to add; blank for every commune of the registry.</summary>
    [BindProperty]
    public string? Communes { get; set; }

    /// <summary>The families of the communes whose needs were just added.</summary>
    public IReadOnlyList<CommuneFamilies> Families { get; private set; } = [];

    /// <summary>The account's plans, newest first.</summary>
    public IReadOnlyList<SavedPlanLine> Plans { get; private set; } = [];

    /// <summary>The newest plans anyone has published.</summary>
    public IReadOnlyList<SavedPlanLine> Published { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken, [FromQuery(Name = "ejemplo")] bool example = false)
    {
        if (example)
            Json = Example;
        await ListAsync(cancellationToken);
    }

    /// <summary>The form again — with what was wrong named on it, or with the needs just added — above the account's plans.</summary>
    private async Task<IActionResult> FormAsync(CancellationToken cancellationToken)
    {
        await ListAsync(cancellationToken);
        return Page();
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        Plans = await runs.ListAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        Published = await saved.ListPublishedAsync(cancellationToken);
    }

    /// <summary>
    /// Checks the inputs here, so that a bad entry is named on this form, then starts the plan in
    /// the background and sends the person to the run's page, which follows it to its result.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await ReadJsonAsync(cancellationToken))
            return await FormAsync(cancellationToken);
        var (problem, input, errors) = FoodPlanner.Read(Json!);
        var run = PlanForm.Start(ModelState, nameof(Json), runs, User.FindFirstValue(ClaimTypes.NameIdentifier)!, Policy, Margin, problem, input, errors, localizer);
        if (run is null)
            return await FormAsync(cancellationToken);
        return RedirectToPage("/FoodPlan/Run", new { id = run.Id });
    }

    /// <summary>
    /// Adds to the inputs the needs of the registry's communes — each commune's families (its
    /// census, or what a council without census declared) × the basket per family — and shows
    /// the form again with them, and the families counted, for the person to check and plan.
    /// </summary>
    public async Task<IActionResult> OnPostNeedsAsync(CancellationToken cancellationToken)
    {
        if (!await ReadJsonAsync(cancellationToken))
            return await FormAsync(cancellationToken);
        var (input, malformed) = PlanJson.ReadInput(Json!);
        if (input is null)
        {
            ModelState.AddModelError(nameof(Json), PlanErrorText.Of(malformed!, localizer));
            return await FormAsync(cancellationToken);
        }
        var (basket, wrong) = Comuna.Planning.FoodPlan.Basket.Parse(Basket);
        foreach (var error in wrong)
            ModelState.AddModelError(nameof(Basket), PlanErrorText.Of(error, localizer));
        var counted = await census.ExecuteAsync(CensusFamilies.Codes([Communes]), cancellationToken);
        if (!counted.IsSuccess)
            ModelState.AddModelError(nameof(Communes), FormErrors.Message(counted.Error!, localizer));
        if (!ModelState.IsValid)
            return await FormAsync(cancellationToken);
        var (withNeeds, errors) = CensusNeeds.Apply(input, basket, CensusPlaces.Of(counted.Value));
        if (withNeeds is null)
        {
            foreach (var error in errors)
                ModelState.AddModelError(nameof(Basket), PlanErrorText.Of(error, localizer));
            return await FormAsync(cancellationToken);
        }
        // The text area shows what the form posted unless told otherwise: it must show the new inputs.
        ModelState.Remove(nameof(Json));
        Json = PlanJson.WriteInput(withNeeds);
        Families = counted.Value;
        return await FormAsync(cancellationToken);
    }

    /// <summary>The inputs from the uploaded file if there is one, else from the text area; false (and the form says why) when there are none.</summary>
    private async Task<bool> ReadJsonAsync(CancellationToken cancellationToken)
    {
        if (Upload is { Length: > 0 } upload)
        {
            if (upload.Length > MaxInputBytes)
            {
                ModelState.AddModelError(nameof(Upload), localizer["The file is too large for the page; use comuna plan."]);
                return false;
            }
            using var reader = new StreamReader(upload.OpenReadStream(), Encoding.UTF8);
            Json = await reader.ReadToEndAsync(cancellationToken);
        }
        if (string.IsNullOrWhiteSpace(Json))
        {
            ModelState.AddModelError(nameof(Json), localizer["Paste the plan's inputs or choose a file."]);
            return false;
        }
        return true;
    }

    /// <summary>A small plan to start from: a farm, a city, a town and a port.</summary>
    public const string Example = """
        {
          "products": [{ "id": "platano", "name": "Plátano", "unit": "t" }, { "id": "maiz", "name": "Maíz", "unit": "t" }],
          "places": [
            { "id": "el-maizal", "name": "Comuna El Maizal", "lat": 9.77, "lon": -69.52 },
            { "id": "barquisimeto", "name": "Barquisimeto", "lat": 10.07, "lon": -69.32 },
            { "id": "sarare", "name": "Sarare", "lat": 9.78, "lon": -69.16 },
            { "id": "puerto-cabello", "name": "Puerto Cabello", "lat": 10.47, "lon": -68.01 }
          ],
          "lots": [
            { "place": "el-maizal", "product": "platano", "quantity": 100, "availableDay": 0, "spoilsAfterDay": 5 },
            { "place": "el-maizal", "product": "maiz", "quantity": 60, "availableDay": 0, "spoilsAfterDay": 60 }
          ],
          "needs": [
            { "place": "barquisimeto", "product": "platano", "quantity": 100 },
            { "place": "sarare", "product": "platano", "quantity": 50 },
            { "place": "barquisimeto", "product": "maiz", "quantity": 80 }
          ],
          "routes": [
            { "from": "el-maizal", "to": "barquisimeto", "costPerUnit": 3, "days": 1, "capacity": 160 },
            { "from": "puerto-cabello", "to": "barquisimeto", "costPerUnit": 1, "days": 1, "capacity": null },
            { "from": "puerto-cabello", "to": "sarare", "costPerUnit": 1, "days": 1, "capacity": null }
          ],
          "imports": [
            { "product": "platano", "place": "puerto-cabello", "costPerUnit": 1, "capacity": null },
            { "product": "maiz", "place": "puerto-cabello", "costPerUnit": 2, "capacity": null }
          ],
          "penalties": { "spoiledPerUnit": 1000, "unmetPerUnit": 100 }
        }
        """;
}
