using Microsoft.Extensions.Localization;

namespace Comuna.Web.FoodPlan;

/// <summary>
/// The name of a plan's delivery orders as a file (CSV or PDF), without its extension, in the page's
/// language — <c>ordenes-de-entrega-produccion-primero</c> — for whoever finds it among their downloads.
/// </summary>
public static class DeliveryOrdersFileName
{
    public static string Of(string policy, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer["PlanCsv:orders"] + "-" + localizer["PlanCsv:" + policy];
    }
}
