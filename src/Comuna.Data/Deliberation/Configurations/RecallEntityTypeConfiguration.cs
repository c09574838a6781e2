using Comuna.Domain.Deliberation;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data.Deliberation.Configurations;

public sealed class RecallEntityTypeConfiguration : IEntityTypeConfiguration<RecallPetition>, IEntityTypeConfiguration<RecallSignature>
{
    public void Configure(EntityTypeBuilder<RecallPetition> builder)
    {
        builder.ToTable("recall_petitions", t => t.HasCheckConstraint("ck_recall_required", "\"SignaturesRequired\" >= 0"));
        builder.Property(p => p.Reason).HasMaxLength(4_000);
        builder.HasOne<CommunalCouncil>().WithMany().HasForeignKey(p => p.CouncilId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Spokesperson>().WithMany().HasForeignKey(p => p.SpokespersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Assembly>().WithMany().HasForeignKey(p => p.AssemblyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Vote>().WithMany().HasForeignKey(p => p.VoteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.SpokespersonId);
        builder.HasIndex(p => p.VoteId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<RecallSignature> builder)
    {
        builder.ToTable("recall_signatures");
        builder.HasOne<RecallPetition>().WithMany().HasForeignKey(s => s.PetitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resident>().WithMany().HasForeignKey(s => s.ResidentId).OnDelete(DeleteBehavior.Restrict);
        // One signature per person and petition.
        builder.HasIndex(s => new { s.PetitionId, s.ResidentId }).IsUnique();
    }
}
