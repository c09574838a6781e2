using Comuna.Domain.Deliberation;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data.Deliberation.Configurations;

public sealed class AssemblyEntityTypeConfiguration : IEntityTypeConfiguration<Assembly>, IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<Assembly> builder)
    {
        builder.ToTable("assemblies", t =>
            t.HasCheckConstraint("ck_assemblies_one_body", "(\"CouncilId\" IS NULL) <> (\"CommuneId\" IS NULL)"));
        builder.Property(a => a.Place).HasMaxLength(200);
        builder.Property(a => a.RuleSetId).HasMaxLength(40);
        builder.HasOne<CommunalCouncil>().WithMany().HasForeignKey(a => a.CouncilId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Commune>().WithMany().HasForeignKey(a => a.CommuneId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Agenda).WithOne().HasForeignKey(i => i.AssemblyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.CouncilId, a.StartsAtUtc });
    }

    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.ToTable("agenda_items");
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.DebateSummary).HasMaxLength(20_000);
        builder.HasIndex(i => new { i.AssemblyId, i.Position }).IsUnique();
    }
}
