using Comuna.Domain.FoodPlan;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data.FoodPlan.Configurations;

/// <summary>The table of a published plan's deliveries or dispatches: one row per plan, place and product.</summary>
internal static class PlanProduceTable
{
    public static void Configure<T>(EntityTypeBuilder<T> builder, string table) where T : PlanProduceRow
    {
        builder.ToTable(table, t => t.HasCheckConstraint($"ck_{table}_quantity", "\"Quantity\" > 0"));
        builder.HasKey(d => new { d.PlanId, d.Place, d.Product });
        builder.Property(d => d.PlanId).HasMaxLength(32);
        // Places and products are named as the plan's inputs name them, which sets no length.
        builder.HasOne<SavedPlan>().WithMany().HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Cascade);
        // A council's new-round page and a commune's page ask what the published plans move at their place.
        builder.HasIndex(d => d.Place);
    }
}
