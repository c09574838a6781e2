using Comuna.Planning.FoodPlan;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.FoodPlan;

/// <summary>
/// A plan's status (the contract's <c>optimal</c>, <c>time-limit</c> …) as people read it, in their
/// language, for the pages and the printed orders alike: the code itself is for the API and the CLI.
/// </summary>
public static class PlanStatusNames
{
    public static string Of(string? status, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return status == PlanStatus.Optimal ? localizer["proven optimal"] : localizer[status ?? ""];
    }
}
