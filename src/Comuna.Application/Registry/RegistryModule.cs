using Comuna.Application.Registry.Territory;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Application.Registry;

/// <summary>The registry module's one registration entry point.</summary>
public static class RegistryModule
{
    public static IServiceCollection AddRegistry(this IServiceCollection services) => services
        .AddScoped<PopulationStatistics>()
        .AddScoped<RegistryQueries>()
        .AddScoped<CreateCommune>()
        .AddScoped<RegisterCouncil>()
        .AddScoped<UpdateCouncil>()
        .AddScoped<AddHousehold>()
        .AddScoped<AddResident>()
        .AddScoped<RecordSpokesperson>()
        .AddScoped<Census.ImportCensus>()
        .AddScoped<Census.ExportCensus>()
        .AddScoped<LoadTerritory>()
        .AddScoped<Demo.DemoBooks>()
        .AddScoped<Demo.DemoRounds>()
        .AddScoped<Demo.SeedDemo>();
}
