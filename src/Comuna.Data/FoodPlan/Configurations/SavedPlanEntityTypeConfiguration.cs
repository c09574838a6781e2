using Comuna.Domain.FoodPlan;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data.FoodPlan.Configurations;

public sealed class SavedPlanEntityTypeConfiguration : IEntityTypeConfiguration<SavedPlan>
{
    public void Configure(EntityTypeBuilder<SavedPlan> builder)
    {
        builder.ToTable("food_plans");
        builder.Property(p => p.Id).HasMaxLength(32);
        builder.Property(p => p.OwnerId).HasMaxLength(450);
        builder.Property(p => p.Policy).HasMaxLength(40);
        builder.Property(p => p.Status).HasMaxLength(40);
        builder.Property(p => p.Failure).HasMaxLength(2_000);
        // The inputs and the result are text of any length (a region's plan is megabytes).
        // An account's plans, newest first, are what its list reads.
        builder.HasIndex(p => new { p.OwnerId, p.StartedAtUtc });
    }
}
