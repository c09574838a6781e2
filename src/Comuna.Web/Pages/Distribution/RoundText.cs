using Comuna.Domain.Distribution;

namespace Comuna.Web.Pages.Distribution;

/// <summary>The resource keys for the words of a round: its kind, its status, the reasons for priority.</summary>
public static class RoundText
{
    public static string Kind(DistributionKind kind) => kind switch
    {
        DistributionKind.FoodBox => "Food box",
        DistributionKind.GasBottle => "Gas bottle",
        _ => "Produce",
    };

    public static string Status(RoundStatus status) => status == RoundStatus.Open ? "Open" : "Closed";

    public static string Reason(string wire) => wire switch
    {
        "children-under-5" => "Children under 5",
        "elderly" => "Elderly (60+)",
        "pregnant" => "Pregnant",
        _ => "Malnutrition",
    };
}
