using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data.Registry.Configurations;

public sealed class HouseholdEntityTypeConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.ToTable("households");
        builder.Property(h => h.Code).HasMaxLength(40);
        builder.Property(h => h.Address).HasMaxLength(300);
        // A household code names one family inside its council; re-imports key on it.
        builder.HasIndex(h => new { h.CouncilId, h.Code }).IsUnique();
        builder.HasMany(h => h.Members).WithOne(r => r.Household).HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.Restrict);
    }
}
