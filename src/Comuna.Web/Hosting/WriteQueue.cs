using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Comuna.Web.Hosting;

/// <summary>
/// The writes that arrive in crowds — ballots when a vote opens, check-ins at the door, transfers —
/// wait their turn in a queue instead of all reaching the database at once. A crowd of 3,600
/// ballots then costs waiting time, not failures from an exhausted connection pool; and SQLite,
/// which has one writer, spends its time writing instead of retrying locks.
/// </summary>
public static class WriteQueue
{
    public const string Policy = "database-writes";

    /// <summary>Writes in flight at once; the rest queue in arrival order.</summary>
    public const int InFlight = 16;

    /// <summary>
    /// Transfers have a queue of their own, wider: they hold no write connection while they are
    /// checked, and the journal's batcher commits all those waiting in one transaction, so the
    /// more that reach it together, the fewer commits the bank pays.
    /// </summary>
    public const string PostingPolicy = "ledger-postings";

    public const int PostingsInFlight = 128;

    public static IServiceCollection AddWriteQueue(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            limiter.AddConcurrencyLimiter(Policy, queue =>
            {
                queue.PermitLimit = InFlight;
                queue.QueueLimit = 100_000;
                queue.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            limiter.AddConcurrencyLimiter(PostingPolicy, queue =>
            {
                queue.PermitLimit = PostingsInFlight;
                queue.QueueLimit = 100_000;
                queue.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
        });

    public static TBuilder QueuedAsWrite<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder => endpoint.RequireRateLimiting(Policy);

    public static TBuilder QueuedAsPosting<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder => endpoint.RequireRateLimiting(PostingPolicy);
}
