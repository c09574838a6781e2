using System.Security.Claims;
using Comuna.Planning.FoodPlan;
using Comuna.Web.FoodPlan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.FoodPlan;

/// <summary>
/// The food plan's inputs as tables to type or paste from a spreadsheet, one entry a line
/// (<see cref="PlanTables"/>), for people who do not write JSON. It starts from nothing, from the
/// example, or from a plan already made (its own, or a published one) to change and plan again.
/// </summary>
[Authorize]
public sealed class TablesModel(IStringLocalizer<SharedResource> localizer, PlanRuns runs) : PageModel
{
    [BindProperty]
    public string? Products { get; set; }

    [BindProperty]
    public string? Places { get; set; }

    [BindProperty]
    public string? Lots { get; set; }

    [BindProperty]
    public string? Needs { get; set; }

    [BindProperty]
    public string? Routes { get; set; }

    [BindProperty]
    public string? Imports { get; set; }

    /// <summary>Typed as text and read as the tables' numbers are, with a decimal comma or point whatever the page's language.</summary>
    [BindProperty]
    public string? SpoiledPerUnit { get; set; } = "1000";

    [BindProperty]
    public string? UnmetPerUnit { get; set; } = "100";

    [BindProperty]
    public string Policy { get; set; } = "production-first";

    /// <summary>How close to the optimum the plan must be proven (<see cref="Comuna.Web.FoodPlan.PlanMargin"/>); blank for the proof of the optimum.</summary>
    [BindProperty]
    public string? Margin { get; set; }

    /// <param name="example">Start from the page's example.</param>
    /// <param name="from">Start from the inputs of this plan, if the person may read it.</param>
    public async Task<IActionResult> OnGetAsync(
        CancellationToken cancellationToken, [FromQuery(Name = "ejemplo")] bool example = false, [FromQuery(Name = "desde")] string? from = null)
    {
        if (from is not null)
        {
            if (await runs.FindAsync(from, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken) is not { } run)
                return NotFound();
            Fill(PlanTables.Of(run.Input));
            Policy = FoodPlanner.Name(run.Policy);
            Margin = PlanMargin.Offer(run.Margin);
        }
        else if (example && PlanJson.ReadInput(PlanModel.Example).Input is { } input)
        {
            Fill(PlanTables.Of(input));
        }
        return Page();
    }

    /// <summary>Reads the tables (a bad line named by its table and number), checks the plan as a whole, and starts it.</summary>
    public IActionResult OnPost()
    {
        var tables = new PlanTables(Products, Places, Lots, Needs, Routes, Imports, SpoiledPerUnit, UnmetPerUnit);
        var (input, errors) = tables.Read();
        var (problem, invalid) = input is null ? (null, errors) : PlanProblem.Build(input);
        var run = PlanForm.Start(ModelState, string.Empty, runs, User.FindFirstValue(ClaimTypes.NameIdentifier)!, Policy, Margin, problem, input, invalid, localizer, tables.LineOf);
        return run is null ? Page() : RedirectToPage("/FoodPlan/Run", new { id = run.Id });
    }

    private void Fill(PlanTables tables)
    {
        (Products, Places, Lots, Needs, Routes, Imports) = (tables.Products, tables.Places, tables.Lots, tables.Needs, tables.Routes, tables.Imports);
        SpoiledPerUnit = tables.SpoiledPerUnit;
        UnmetPerUnit = tables.UnmetPerUnit;
    }
}
