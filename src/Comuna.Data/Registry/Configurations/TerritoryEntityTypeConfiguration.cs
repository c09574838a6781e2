using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data.Registry.Configurations;

/// <summary>States, municipalities and parishes keep the ids the territory file gives them.</summary>
public sealed class TerritoryEntityTypeConfiguration :
    IEntityTypeConfiguration<FederalEntity>, IEntityTypeConfiguration<Municipality>, IEntityTypeConfiguration<Parish>
{
    public void Configure(EntityTypeBuilder<FederalEntity> builder)
    {
        builder.ToTable("federal_entities");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HaveMaxLengthForName();
        builder.Property(s => s.Capital).HaveMaxLengthForName();
        builder.Property(s => s.IsoCode).HasMaxLength(10);
        builder.HasMany(s => s.Municipalities).WithOne(m => m.FederalEntity).HasForeignKey(m => m.FederalEntityId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.ToTable("municipalities");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Name).HaveMaxLengthForName();
        builder.Property(m => m.Capital).HaveMaxLengthForName();
        builder.HasMany(m => m.Parishes).WithOne(p => p.Municipality).HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Parish> builder)
    {
        builder.ToTable("parishes");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HaveMaxLengthForName();
    }
}
