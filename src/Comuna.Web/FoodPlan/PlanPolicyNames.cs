using Microsoft.Extensions.Localization;

namespace Comuna.Web.FoodPlan;

/// <summary>A policy as people read it, in their language, for the pages and the printed orders alike.</summary>
public static class PlanPolicyNames
{
    public static string Of(string policy, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return policy == "import-first" ? localizer["Import first (CLAP)"] : localizer["Production first"];
    }
}
