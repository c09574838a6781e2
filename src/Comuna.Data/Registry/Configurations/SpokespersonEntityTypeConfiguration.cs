using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data.Registry.Configurations;

public sealed class SpokespersonEntityTypeConfiguration : IEntityTypeConfiguration<Spokesperson>
{
    public void Configure(EntityTypeBuilder<Spokesperson> builder)
    {
        builder.ToTable("spokespeople", t => t.HasCheckConstraint("ck_spokespeople_term", "\"TermEndsOn\" > \"ElectedOn\""));
        builder.Property(s => s.Committee).HasMaxLength(80);
        builder.HasOne<CommunalCouncil>().WithMany().HasForeignKey(s => s.CouncilId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Resident).WithMany().HasForeignKey(s => s.ResidentId).OnDelete(DeleteBehavior.Restrict);
        // A person may stand for one unit only, per council and election.
        builder.HasIndex(s => new { s.CouncilId, s.ResidentId, s.ElectedOn }).IsUnique();
    }
}
