namespace Comuna.Application.Demo;

/// <summary>
/// The demo's published food plan, which the planner (Comuna.Planning, outside this project) makes:
/// the web host supplies it, and <see cref="SeedDemo"/> runs it after the rounds.
/// </summary>
public interface IDemoFoodPlan
{
    /// <summary>Plans and publishes the demo's plan; false when it is already there.</summary>
    Task<bool> ExecuteAsync(CancellationToken cancellationToken);
}
