using Comuna.Domain.Deliberation;
using Comuna.Domain.Ledger;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data.Ledger.Configurations;

public sealed class LedgerEntityTypeConfiguration :
    IEntityTypeConfiguration<Account>, IEntityTypeConfiguration<Transfer>, IEntityTypeConfiguration<LedgerHead>, IEntityTypeConfiguration<PendingTransfer>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        // An account that may not go negative never does, whatever the application does.
        builder.ToTable("accounts", t => t.HasCheckConstraint("ck_accounts_non_negative", "\"AllowNegative\" OR \"Balance\" >= 0"));
        builder.Property(a => a.Code).HasMaxLength(40);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Currency).HasMaxLength(8);
        builder.Ignore(a => a.HoldsCommonFunds);
        builder.HasOne<Commune>().WithMany().HasForeignKey(a => a.CommuneId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CommunalCouncil>().WithMany().HasForeignKey(a => a.CouncilId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.CommuneId, a.Code }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Transfer> builder)
    {
        builder.ToTable("transfers", t => t.HasCheckConstraint("ck_transfers_amount", "\"Amount\" > 0 AND \"DebitAccountId\" <> \"CreditAccountId\""));
        // The client's id is the key: one posting per transfer id, under any concurrency.
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Currency).HasMaxLength(8);
        builder.Property(t => t.Memo).HasMaxLength(300);
        builder.Property(t => t.PostedBy).HasMaxLength(450);
        builder.Property(t => t.ApprovedBy).HasMaxLength(450);
        builder.Property(t => t.PreviousHash).HasMaxLength(64);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.HasOne<Commune>().WithMany().HasForeignKey(t => t.CommuneId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Account>().WithMany().HasForeignKey(t => t.DebitAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Account>().WithMany().HasForeignKey(t => t.CreditAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Decision>().WithMany().HasForeignKey(t => t.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Transfer>().WithMany().HasForeignKey(t => t.ReversesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.CommuneId, t.Sequence }).IsUnique();
        builder.HasIndex(t => t.ReversesId).IsUnique();
        builder.HasIndex(t => t.DebitAccountId);
        builder.HasIndex(t => t.CreditAccountId);
    }

    public void Configure(EntityTypeBuilder<LedgerHead> builder)
    {
        builder.ToTable("ledger_heads");
        builder.HasKey(h => h.CommuneId);
        builder.Property(h => h.LastHash).HasMaxLength(64);
        builder.HasOne<Commune>().WithMany().HasForeignKey(h => h.CommuneId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PendingTransfer> builder)
    {
        builder.ToTable("pending_transfers", t => t.HasCheckConstraint("ck_pending_amount", "\"Amount\" > 0"));
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Currency).HasMaxLength(8);
        builder.Property(p => p.Memo).HasMaxLength(300);
        builder.Property(p => p.RequestedBy).HasMaxLength(450);
        builder.HasOne<Commune>().WithMany().HasForeignKey(p => p.CommuneId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Account>().WithMany().HasForeignKey(p => p.DebitAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Account>().WithMany().HasForeignKey(p => p.CreditAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Decision>().WithMany().HasForeignKey(p => p.DecisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
