using Comuna.Domain.Deliberation;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data.Deliberation.Configurations;

public sealed class VoteEntityTypeConfiguration :
    IEntityTypeConfiguration<Vote>, IEntityTypeConfiguration<BallotCast>, IEntityTypeConfiguration<VoteLogEntry>
{
    public void Configure(EntityTypeBuilder<Vote> builder)
    {
        builder.ToTable("votes", t => t.HasCheckConstraint("ck_votes_ballot_count", "\"BallotCount\" >= 0"));
        builder.Property(v => v.Question).HasMaxLength(500);
        builder.PrimitiveCollection(v => v.Options);
        builder.PrimitiveCollection(v => v.Candidates);
        builder.OwnsOne(v => v.Post, post =>
        {
            post.Property(p => p.Unit).HasColumnName("PostUnit");
            post.Property(p => p.Committee).HasColumnName("PostCommittee").HasMaxLength(80);
        });
        builder.HasOne<Assembly>().WithMany().HasForeignKey(v => v.AssemblyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(v => v.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsOne(v => v.MandateIfApproved, mandate =>
        {
            mandate.Property(m => m.Purpose).HasColumnName("MandatePurpose").HasMaxLength(300);
            mandate.Property(m => m.AmountMinor).HasColumnName("MandateAmountMinor");
            mandate.Property(m => m.Currency).HasColumnName("MandateCurrency").HasMaxLength(8);
            mandate.Property(m => m.Action).HasColumnName("MandateAction").HasMaxLength(300);
        });
    }

    public void Configure(EntityTypeBuilder<BallotCast> builder)
    {
        builder.ToTable("ballot_casts");
        builder.Property(b => b.OpenChoice).HasMaxLength(9000);
        builder.Property(b => b.EnteredBy).HasMaxLength(450);
        builder.HasOne<Vote>().WithMany().HasForeignKey(b => b.VoteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resident>().WithMany().HasForeignKey(b => b.ResidentId).OnDelete(DeleteBehavior.Restrict);
        // One ballot per voter per vote: the database's last word under any concurrency.
        builder.HasIndex(b => new { b.VoteId, b.ResidentId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<VoteLogEntry> builder)
    {
        builder.ToTable("vote_log");
        builder.Property(e => e.Receipt).HasMaxLength(20);
        builder.Property(e => e.Choice).HasMaxLength(9000);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasOne<Vote>().WithMany().HasForeignKey(e => e.VoteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.VoteId, e.Sequence }).IsUnique();
        builder.HasIndex(e => new { e.VoteId, e.Receipt }).IsUnique();
    }
}
