using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data.Registry.Configurations;

public sealed class ResidentEntityTypeConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> builder)
    {
        builder.ToTable("residents");
        builder.Property(r => r.NationalId).HasMaxLength(20);
        // One person, one household, in the whole country: the database has the last word.
        builder.HasIndex(r => r.NationalId).IsUnique();
        builder.Property(r => r.FirstNames).HasMaxLength(120);
        builder.Property(r => r.LastNames).HasMaxLength(120);
        builder.Ignore(r => r.FullName);
        builder.HasIndex(r => r.HouseholdId);
    }
}
