using Comuna.Domain.Registry;

namespace Comuna.Domain.Deliberation;

/// <summary>
/// How many must be present for an assembly to decide: the call's share of the eligible residents,
/// rounded up. 30% of 1,000 eligible is 300; 30% of 1,001 is 301, since 300.3 people cannot decide.
/// </summary>
public static class Quorum
{
    public static int Required(int eligible, Call call, RuleSet rules)
    {
        var share = call == Call.First ? rules.FirstCallQuorum : rules.SecondCallQuorum;
        return (int)Math.Ceiling(eligible * share);
    }

    public static bool IsMet(int present, int required) => required > 0 && present >= required;
}
