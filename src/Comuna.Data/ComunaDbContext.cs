using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Access;
using Comuna.Domain.Deliberation;
using Comuna.Domain.Distribution;
using Comuna.Domain.FoodPlan;
using Comuna.Domain.Ledger;
using Comuna.Domain.Registry;
using LinqToDB.Data;
using LinqToDB.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Data;

/// <summary>
/// The one model of Comuna's data, with Identity's tables beside it. Each module keeps its
/// mappings under <c>&lt;Module&gt;/Configurations</c>; the engine is chosen by whoever builds the options.
/// </summary>
public sealed class ComunaDbContext(DbContextOptions<ComunaDbContext> options)
    : IdentityDbContext<ComunaUser>(options), IComunaDb
{
    public DbSet<FederalEntity> FederalEntities => Set<FederalEntity>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Parish> Parishes => Set<Parish>();
    public DbSet<Commune> Communes => Set<Commune>();
    public DbSet<CommunalCouncil> Councils => Set<CommunalCouncil>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<Spokesperson> Spokespeople => Set<Spokesperson>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<Assembly> Assemblies => Set<Assembly>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<Attendance> Attendances => Set<Attendance>();
    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<BallotCast> BallotCasts => Set<BallotCast>();
    public DbSet<VoteLogEntry> VoteLog => Set<VoteLogEntry>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<Minutes> Minutes => Set<Minutes>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<ProposalArgument> ProposalArguments => Set<ProposalArgument>();
    public DbSet<ProposalAmendment> ProposalAmendments => Set<ProposalAmendment>();
    public DbSet<RecallPetition> RecallPetitions => Set<RecallPetition>();
    public DbSet<RecallSignature> RecallSignatures => Set<RecallSignature>();
    public DbSet<ParliamentSeat> ParliamentSeats => Set<ParliamentSeat>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Transfer> Transfers => Set<Transfer>();
    public DbSet<LedgerHead> LedgerHeads => Set<LedgerHead>();
    public DbSet<PendingTransfer> PendingTransfers => Set<PendingTransfer>();
    public DbSet<DistributionRound> DistributionRounds => Set<DistributionRound>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<HealthFlag> HealthFlags => Set<HealthFlag>();
    public DbSet<DeliveryMinutes> DeliveryMinutes => Set<DeliveryMinutes>();
    public DbSet<SavedPlan> SavedPlans => Set<SavedPlan>();
    public DbSet<PlanDelivery> PlanDeliveries => Set<PlanDelivery>();
    public DbSet<PlanDispatch> PlanDispatches => Set<PlanDispatch>();

    public async Task<long> InsertManyAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken) where T : class
    {
        var options = new BulkCopyOptions { BulkCopyType = BulkCopyType.ProviderSpecific };
        return (await this.BulkCopyAsync(options, rows, cancellationToken)).RowsCopied;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ComunaDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: a database read by a person (or by oversight) says "Urban", not 0.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
