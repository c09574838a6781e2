using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data.Registry.Configurations;

public sealed class CommuneEntityTypeConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> builder)
    {
        builder.ToTable("communes", t => t.HasCheckConstraint("ck_communes_coordinates",
            "(\"Latitude\" IS NULL AND \"Longitude\" IS NULL) OR (\"Latitude\" BETWEEN -90 AND 90 AND \"Longitude\" BETWEEN -180 AND 180)"));
        builder.Property(c => c.Code).HasMaxLength(40);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Name).HaveMaxLengthForName();
        builder.Property(c => c.Charter).HasMaxLength(20_000);
        builder.HasOne(c => c.Parish).WithMany().HasForeignKey(c => c.ParishId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Councils).WithOne(c => c.Commune).HasForeignKey(c => c.CommuneId).OnDelete(DeleteBehavior.Restrict);
    }
}
