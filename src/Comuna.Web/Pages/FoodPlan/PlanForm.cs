using Comuna.Planning.FoodPlan;
using Comuna.Web.FoodPlan;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.FoodPlan;

/// <summary>What the plan's two forms — its JSON and its tables — do alike once they have read their inputs: check them and start the run.</summary>
public static class PlanForm
{
    /// <summary>
    /// Starts planning <paramref name="input"/> for <paramref name="owner"/> under the chosen policy
    /// and margin (<see cref="PlanMargin"/>), or names on the form, under <paramref name="field"/>,
    /// every entry at fault (named by <paramref name="entryName"/> where the form knows how the
    /// person wrote it), or that it plans nothing — or that the planner is busy; null then.
    /// </summary>
    public static PlanRun? Start(
        ModelStateDictionary form, string field, PlanRuns runs, string owner, string? policyName, string? marginText,
        PlanProblem? problem, PlanInput? input, IReadOnlyList<PlanError> errors, IStringLocalizer localizer,
        Func<PlanEntry, FormattableString?>? entryName = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(localizer);
        var policy = FoodPlanner.ParsePolicy(policyName);
        if (policy is null)
            form.AddModelError("Policy", localizer["Choose production-first or import-first."]);
        var marginRead = PlanMargin.TryParse(marginText, out var margin);
        if (!marginRead)
            form.AddModelError("Margin", localizer[PlanMargin.Refusal]);
        foreach (var error in errors)
            form.AddModelError(field, PlanErrorText.Of(error, localizer, entryName));
        // A plan of nothing would run, and its page show blank tables as a proven plan.
        var empty = errors.Count == 0 && input is not null && EmptyPlan.Is(input);
        if (empty)
            form.AddModelError(field, PlanErrorText.Of(EmptyPlan.Refusal, localizer));
        if (policy is null || !marginRead || problem is null || input is null || empty)
            return null;
        var run = runs.Start(owner, problem, input, policy.Value, margin: margin);
        if (run is null)
            form.AddModelError(string.Empty, localizer["Other plans are being made on this server; try again in a minute."]);
        return run;
    }
}
