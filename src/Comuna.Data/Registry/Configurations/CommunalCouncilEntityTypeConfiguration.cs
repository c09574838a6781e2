using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data.Registry.Configurations;

public sealed class CommunalCouncilEntityTypeConfiguration : IEntityTypeConfiguration<CommunalCouncil>
{
    public void Configure(EntityTypeBuilder<CommunalCouncil> builder)
    {
        builder.ToTable("councils", t => t.HasCheckConstraint("ck_councils_declared_families", "\"DeclaredFamilies\" >= 0"));
        builder.Property(c => c.Code).HasMaxLength(40);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Name).HaveMaxLengthForName();
        builder.Property(c => c.RuleSetId).HasMaxLength(40);
        builder.HasOne(c => c.Parish).WithMany().HasForeignKey(c => c.ParishId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Households).WithOne(h => h.Council).HasForeignKey(h => h.CouncilId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.ParishId);
    }
}
