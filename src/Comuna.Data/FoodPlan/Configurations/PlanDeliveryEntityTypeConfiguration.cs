using Comuna.Domain.FoodPlan;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data.FoodPlan.Configurations;

public sealed class PlanDeliveryEntityTypeConfiguration : IEntityTypeConfiguration<PlanDelivery>
{
    public void Configure(EntityTypeBuilder<PlanDelivery> builder) => PlanProduceTable.Configure(builder, "food_plan_deliveries");
}
