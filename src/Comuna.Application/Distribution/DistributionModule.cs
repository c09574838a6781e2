using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Application.Distribution;

/// <summary>The distribution module's one registration entry point.</summary>
public static class DistributionModule
{
    public static IServiceCollection AddDistribution(this IServiceCollection services) => services
        .AddScoped<CreateRound>()
        .AddScoped<PreviewAllocation>()
        .AddScoped<RecordDelivery>()
        .AddScoped<RecordDeliverySheet>()
        .AddScoped<CloseRound>()
        .AddScoped<DeliveryMinutesWriter>()
        .AddScoped<RecordHealthFlag>()
        .AddScoped<ClearHealthFlag>()
        .AddScoped<VerifyRounds>()
        .AddScoped<DistributionQueries>();
}
