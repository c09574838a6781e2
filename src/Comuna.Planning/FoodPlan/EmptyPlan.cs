namespace Comuna.Planning.FoodPlan;

/// <summary>
/// A plan with neither a need nor a harvest lot. It reads and solves — to nothing, objective 0,
/// "proven optimal" — and <c>comuna plan</c> answers it so, as its contract says; but a page that
/// started or published it would show blank tables as a plan that communes act on.
/// </summary>
public static class EmptyPlan
{
    public static bool Is(PlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return (input.Needs?.Count ?? 0) == 0 && (input.Lots?.Count ?? 0) == 0;
    }

    /// <summary>Why a page refuses it, naming what is missing.</summary>
    public static PlanError Refusal { get; } = new("nothing-to-plan", PlanMessages.NothingToPlan());
}
