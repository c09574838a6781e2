using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Application.FoodPlan;

/// <summary>The food plan module's registration: the solver lives in Comuna.Planning, the kept plans here.</summary>
public static class FoodPlanModule
{
    public static IServiceCollection AddFoodPlan(this IServiceCollection services) => services
        .AddScoped<SavedPlans>()
        .AddScoped<CensusFamilies>()
        .AddScoped<PublishPlan>()
        .AddScoped<PlannedProduce>()
        .AddScoped<CommunePlans>();
}
