using Comuna.Domain.FoodPlan;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data.FoodPlan.Configurations;

public sealed class PlanDeliveryEntityTypeConfiguration : IEntityTypeConfiguration<PlanDelivery>
{
    public void Configure(EntityTypeBuilder<PlanDelivery> builder)
    {
        builder.ToTable("food_plan_deliveries", t => t.HasCheckConstraint("ck_food_plan_deliveries_quantity", "\"Quantity\" > 0"));
        builder.HasKey(d => new { d.PlanId, d.Place, d.Product });
        builder.Property(d => d.PlanId).HasMaxLength(32);
        // Places and products are named as the plan's inputs name them, which sets no length.
        builder.HasOne<SavedPlan>().WithMany().HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Cascade);
        // A council's new-round page asks what the published plans deliver to its commune.
        builder.HasIndex(d => d.Place);
    }
}
