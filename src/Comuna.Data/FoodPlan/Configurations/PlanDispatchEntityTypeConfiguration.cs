using Comuna.Domain.FoodPlan;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data.FoodPlan.Configurations;

public sealed class PlanDispatchEntityTypeConfiguration : IEntityTypeConfiguration<PlanDispatch>
{
    public void Configure(EntityTypeBuilder<PlanDispatch> builder) => PlanProduceTable.Configure(builder, "food_plan_dispatches");
}
