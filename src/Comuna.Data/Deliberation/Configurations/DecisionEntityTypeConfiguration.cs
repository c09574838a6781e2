using Comuna.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data.Deliberation.Configurations;

public sealed class DecisionEntityTypeConfiguration : IEntityTypeConfiguration<Decision>, IEntityTypeConfiguration<Minutes>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.ToTable("decisions", t =>
        {
            t.HasCheckConstraint("ck_decisions_mandate_amount", "\"MandateAmountMinor\" IS NULL OR \"MandateAmountMinor\" > 0");
            // The bank may spend under a mandate up to its amount and never beyond.
            t.HasCheckConstraint("ck_decisions_mandate_spent", "\"MandateSpentMinor\" >= 0 AND (\"MandateAmountMinor\" IS NULL OR \"MandateSpentMinor\" <= \"MandateAmountMinor\")");
        });
        builder.Property(d => d.Text).HasMaxLength(2000);
        builder.Property(d => d.MandatePurpose).HasMaxLength(300);
        builder.Property(d => d.MandateCurrency).HasMaxLength(8);
        builder.Property(d => d.MandateAction).HasMaxLength(300);
        builder.Ignore(d => d.MandateRemainingMinor);
        builder.HasOne<Assembly>().WithMany().HasForeignKey(d => d.AssemblyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Vote>().WithMany().HasForeignKey(d => d.VoteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.VoteId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Minutes> builder)
    {
        builder.ToTable("minutes");
        builder.Property(m => m.PreviousCheckpoint).HasMaxLength(64);
        builder.Property(m => m.Checkpoint).HasMaxLength(64);
        builder.HasOne<Assembly>().WithMany().HasForeignKey(m => m.AssemblyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.AssemblyId).IsUnique();
    }
}
