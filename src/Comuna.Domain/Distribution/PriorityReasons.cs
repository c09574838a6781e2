namespace Comuna.Domain.Distribution;

/// <summary>Why a household comes first in a short round; several may hold at once.</summary>
[Flags]
public enum PriorityReasons
{
    None = 0,
    ChildrenUnder5 = 1,
    Elderly = 2,
    Pregnant = 4,
    Malnutrition = 8,
}
