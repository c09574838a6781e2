using Comuna.Domain.Deliberation;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data.Deliberation.Configurations;

public sealed class ProposalEntityTypeConfiguration :
    IEntityTypeConfiguration<Proposal>, IEntityTypeConfiguration<ProposalArgument>, IEntityTypeConfiguration<ProposalAmendment>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.ToTable("proposals");
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Text).HasMaxLength(10_000);
        builder.HasOne<Assembly>().WithMany().HasForeignKey(p => p.AssemblyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(p => p.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resident>().WithMany().HasForeignKey(p => p.AuthorResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Vote>().WithMany().HasForeignKey(p => p.VoteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.VoteId).IsUnique();
        builder.HasIndex(p => new { p.AgendaItemId, p.Position });
    }

    public void Configure(EntityTypeBuilder<ProposalArgument> builder)
    {
        builder.ToTable("proposal_arguments");
        builder.Property(a => a.Text).HasMaxLength(4_000);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resident>().WithMany().HasForeignKey(a => a.AuthorResidentId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ProposalAmendment> builder)
    {
        builder.ToTable("proposal_amendments");
        builder.Property(a => a.PreviousText).HasMaxLength(10_000);
        builder.Property(a => a.NewText).HasMaxLength(10_000);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resident>().WithMany().HasForeignKey(a => a.AuthorResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ProposalId, a.Revision }).IsUnique();
    }
}
