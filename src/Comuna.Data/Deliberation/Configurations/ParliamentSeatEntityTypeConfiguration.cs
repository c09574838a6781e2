using Comuna.Domain.Deliberation;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data.Deliberation.Configurations;

public sealed class ParliamentSeatEntityTypeConfiguration : IEntityTypeConfiguration<ParliamentSeat>
{
    public void Configure(EntityTypeBuilder<ParliamentSeat> builder)
    {
        builder.ToTable("parliament_seats", t =>
        {
            t.HasCheckConstraint("ck_parliament_seats_term", "\"TermEndsOn\" > \"ElectedOn\"");
            // A council's seat names its council; the others name none.
            t.HasCheckConstraint("ck_parliament_seats_council", "(\"Kind\" = 'Council') = (\"CouncilId\" IS NOT NULL)");
        });
        builder.HasOne<Commune>().WithMany().HasForeignKey(s => s.CommuneId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resident>().WithMany().HasForeignKey(s => s.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CommunalCouncil>().WithMany().HasForeignKey(s => s.CouncilId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.CommuneId, s.ResidentId, s.ElectedOn }).IsUnique();
    }
}
