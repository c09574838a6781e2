using Comuna.Application.Access;
using Comuna.Domain.Access;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data.Access.Configurations;

public sealed class RoleAssignmentEntityTypeConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> builder)
    {
        builder.ToTable("role_assignments");
        builder.Property(r => r.Committee).HasMaxLength(80);
        builder.HasOne<ComunaUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CommunalCouncil>().WithMany().HasForeignKey(r => r.CouncilId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Commune>().WithMany().HasForeignKey(r => r.CommuneId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resident>().WithMany().HasForeignKey(r => r.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.UserId);
    }
}
