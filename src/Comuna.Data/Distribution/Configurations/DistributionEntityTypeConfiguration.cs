using Comuna.Domain.Distribution;
using Comuna.Domain.FoodPlan;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data.Distribution.Configurations;

public sealed class DistributionEntityTypeConfiguration :
    IEntityTypeConfiguration<DistributionRound>, IEntityTypeConfiguration<Delivery>,
    IEntityTypeConfiguration<HealthFlag>, IEntityTypeConfiguration<DeliveryMinutes>
{
    public void Configure(EntityTypeBuilder<DistributionRound> builder)
    {
        // Never more handed out than arrived, whatever the application does.
        builder.ToTable("distribution_rounds", t =>
        {
            t.HasCheckConstraint("ck_rounds_units", "\"UnitsArrived\" >= 0 AND \"UnitsDelivered\" >= 0 AND \"UnitsDelivered\" <= \"UnitsArrived\"");
            t.HasCheckConstraint("ck_rounds_dates", "\"EndsOn\" >= \"StartsOn\"");
        });
        builder.Property(r => r.Item).HasMaxLength(200);
        builder.Property(r => r.Unit).HasMaxLength(40);
        builder.Property(r => r.PickupPoints).HasMaxLength(2_000);
        builder.Property(r => r.CreatedBy).HasMaxLength(450);
        builder.Ignore(r => r.UnitsRemaining);
        builder.Ignore(r => r.PickupPointList);
        builder.ComplexProperty(r => r.Rule);
        builder.HasOne<CommunalCouncil>().WithMany().HasForeignKey(r => r.CouncilId).OnDelete(DeleteBehavior.Restrict);
        // A round of produce from the plan keeps its plan: a plan a round rests on cannot go.
        builder.Property(r => r.PlanId).HasMaxLength(32);
        builder.HasOne<SavedPlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
        // One round per council of each product a plan sends it, so that its planned share is counted once.
        // Rounds not from a plan have no plan id, and NULLs never collide in a unique index.
        builder.HasIndex(r => new { r.CouncilId, r.PlanId, r.PlanProduct }).IsUnique();
        builder.HasIndex(r => new { r.CouncilId, r.StartsOn });
    }

    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.ToTable("deliveries", t => t.HasCheckConstraint("ck_deliveries_units", "\"Units\" > 0"));
        builder.Property(d => d.MarkedBy).HasMaxLength(450);
        builder.HasOne<DistributionRound>().WithMany().HasForeignKey(d => d.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(d => d.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        // Exactly once per household per round: the last word under any concurrency.
        builder.HasIndex(d => new { d.RoundId, d.HouseholdId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<HealthFlag> builder)
    {
        builder.ToTable("health_flags");
        builder.Property(f => f.RecordedBy).HasMaxLength(450);
        builder.HasOne<Resident>().WithMany().HasForeignKey(f => f.ResidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.ResidentId, f.Kind, f.StartsOn }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<DeliveryMinutes> builder)
    {
        builder.ToTable("delivery_minutes");
        builder.Property(m => m.SignedBy).HasMaxLength(200);
        builder.Property(m => m.PreviousCheckpoint).HasMaxLength(64);
        builder.Property(m => m.Checkpoint).HasMaxLength(64);
        builder.HasOne<DistributionRound>().WithMany().HasForeignKey(m => m.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.RoundId).IsUnique();
    }
}
