using Comuna.Domain.Access;
using Comuna.Domain.Deliberation;
using Comuna.Domain.Distribution;
using Comuna.Domain.FoodPlan;
using Comuna.Domain.Ledger;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Comuna.Application.Common;

/// <summary>
/// What use cases see of the database. Comuna.Data implements it with one EF Core model for both
/// engines; use cases never name an engine.
/// </summary>
public interface IComunaDb
{
    DbSet<FederalEntity> FederalEntities { get; }
    DbSet<Municipality> Municipalities { get; }
    DbSet<Parish> Parishes { get; }
    DbSet<Commune> Communes { get; }
    DbSet<CommunalCouncil> Councils { get; }
    DbSet<Household> Households { get; }
    DbSet<Resident> Residents { get; }
    DbSet<Spokesperson> Spokespeople { get; }
    DbSet<RoleAssignment> RoleAssignments { get; }
    DbSet<Assembly> Assemblies { get; }
    DbSet<AgendaItem> AgendaItems { get; }
    DbSet<Attendance> Attendances { get; }
    DbSet<Vote> Votes { get; }
    DbSet<BallotCast> BallotCasts { get; }
    DbSet<VoteLogEntry> VoteLog { get; }
    DbSet<Decision> Decisions { get; }
    DbSet<Minutes> Minutes { get; }
    DbSet<Proposal> Proposals { get; }
    DbSet<ProposalArgument> ProposalArguments { get; }
    DbSet<ProposalAmendment> ProposalAmendments { get; }
    DbSet<RecallPetition> RecallPetitions { get; }
    DbSet<RecallSignature> RecallSignatures { get; }
    DbSet<ParliamentSeat> ParliamentSeats { get; }
    DbSet<Account> Accounts { get; }
    DbSet<Transfer> Transfers { get; }
    DbSet<LedgerHead> LedgerHeads { get; }
    DbSet<PendingTransfer> PendingTransfers { get; }
    DbSet<DistributionRound> DistributionRounds { get; }
    DbSet<Delivery> Deliveries { get; }
    DbSet<HealthFlag> HealthFlags { get; }
    DbSet<DeliveryMinutes> DeliveryMinutes { get; }
    DbSet<SavedPlan> SavedPlans { get; }
    DbSet<PlanDelivery> PlanDeliveries { get; }
    DbSet<PlanDispatch> PlanDispatches { get; }

    DatabaseFacade Database { get; }
    ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes many new rows at once, inside the current transaction and past the change tracker
    /// (COPY on PostgreSQL, multi-row INSERT on SQLite): for tens of thousands of rows that are
    /// written together and read later, where SaveChanges would take seconds.
    /// </summary>
    /// <returns>How many rows were written.</returns>
    Task<long> InsertManyAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken) where T : class;

    /// <summary>For the group-commit writers, which run on a thread of their own with synchronous I/O.</summary>
    int SaveChanges();
}
