using Comuna.Domain.Deliberation;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data.Deliberation.Configurations;

public sealed class AttendanceEntityTypeConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> builder)
    {
        builder.ToTable("attendances");
        builder.Property(a => a.RecordedBy).HasMaxLength(450);
        builder.HasOne<Assembly>().WithMany().HasForeignKey(a => a.AssemblyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resident>().WithMany().HasForeignKey(a => a.ResidentId).OnDelete(DeleteBehavior.Restrict);
        // Present once: two spokespeople checking the same person in at once record one presence.
        builder.HasIndex(a => new { a.AssemblyId, a.ResidentId }).IsUnique();
    }
}
