using Comuna.Application.Distribution;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.Distribution;

/// <summary>
/// What a short round's allocation does, said as it is: whether the priority households get all
/// they are entitled to, how many households of each group get units and how many get none. A
/// sentence that promised "priority first, then the rest pro rata" when the priority households
/// alone took everything, and some of them got nothing, would mislead those who read it.
/// </summary>
public static class ShortfallSentence
{
    public static string Of(AllocationView allocation, string unit, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(localizer);
        var arrived = string.Format(localizer["RoundShortArrived"].Value, UnitPlural.Amount(allocation.UnitsArrived, unit),
            UnitPlural.Amount(allocation.UnitsEntitled, unit));
        var priority = allocation.Lines.Where(l => l.Reasons.Count > 0).ToList();
        var others = allocation.Lines.Where(l => l.Reasons.Count == 0).ToList();
        string Households(int count) => Counted.Of(localizer, "Households", count);
        var othersGetting = others.Count(l => l.Allocated > 0);
        string rest;
        if (priority.Count == 0)
        {
            rest = string.Format(localizer["RoundShortNoPriority"].Value, Households(others.Count), othersGetting, others.Count - othersGetting);
        }
        else if (priority.All(l => l.Allocated >= l.Entitled))
        {
            rest = string.Format(localizer["RoundShortPriorityInFull"].Value, Households(priority.Count),
                UnitPlural.Amount(priority.Sum(l => l.Allocated), unit), Households(others.Count),
                UnitPlural.Amount(others.Sum(l => l.Allocated), unit), othersGetting, others.Count - othersGetting);
        }
        else
        {
            var priorityGetting = priority.Count(l => l.Allocated > 0);
            rest = string.Format(localizer["RoundShortPriorityNotCovered"].Value, Households(priority.Count), priorityGetting,
                priority.Count - priorityGetting, Households(others.Count));
        }
        return $"{arrived} {rest}";
    }
}
