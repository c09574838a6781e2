using Comuna.Domain.FoodPlan;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data.FoodPlan.Configurations;

public sealed class PlanDispatchEntityTypeConfiguration : IEntityTypeConfiguration<PlanDispatch>
{
    public void Configure(EntityTypeBuilder<PlanDispatch> builder)
    {
        builder.ToTable("food_plan_dispatches", t => t.HasCheckConstraint("ck_food_plan_dispatches_quantity", "\"Quantity\" > 0"));
        builder.HasKey(d => new { d.PlanId, d.Place, d.Product });
        builder.Property(d => d.PlanId).HasMaxLength(32);
        builder.HasOne<SavedPlan>().WithMany().HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Cascade);
        // A commune's page asks what the published plans have it send.
        builder.HasIndex(d => d.Place);
    }
}
