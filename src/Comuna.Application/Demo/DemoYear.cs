using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Application.Deliberation;
using Comuna.Application.Ledger;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Comuna.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Application.Demo;

/// <summary>
/// Plays a commune's year through the same use cases people use: assemblies convened, attended
/// and voted, mandates decided, proceeds deposited, payments made under those mandates and, when
/// large, approved by a second person of the finance unit. Only the clock is the demo's own, so
/// every record carries its day in the story and the books' hash chain is the real one.
/// </summary>
internal sealed class DemoYear
{
    private readonly IServiceProvider services;
    private readonly IComunaDb db;
    private readonly DemoClock clock;
    private readonly Guid communeId;
    private readonly Dictionary<string, Guid> accounts = [];
    private readonly Dictionary<string, Guid> decisions = [];
    private readonly Random random;

    public DemoYear(IServiceProvider services, IComunaDb db, DemoClock clock, Guid communeId, int seed)
    {
        this.services = services;
        this.db = db;
        this.clock = clock;
        this.communeId = communeId;
        random = new Random(seed);
    }

    /// <summary>Who keeps the books, and who approves the large outflows (null where no second person is in the demo).</summary>
    public Actor Finance { get; init; } = Actor.Anonymous;

    public Actor? SecondApprover { get; init; }

    public Random Random => random;

    public async Task OpenAccountAsync(string code, string name, AccountKind kind, string currency, IncomeSource? source, CancellationToken ct)
    {
        var opened = await services.GetRequiredService<OpenAccount>()
            .ExecuteAsync(Finance, communeId, new AccountInput(code, name, kind, currency, source, null), ct);
        accounts[code] = Must(opened, $"account {code}").Id;
    }

    /// <summary>
    /// An assembly meets on <paramref name="day"/>: everyone in <paramref name="present"/> checks in,
    /// the question with its mandate is put to a secret vote and carried, the minutes are written.
    /// The decision is kept under <paramref name="key"/> for the payments it allows.
    /// </summary>
    public async Task DecideAsync(string key, DateOnly day, Actor chair, ConveneInput body, IReadOnlyList<Guid> present, int yes,
        string question, MandateTerms mandate, CancellationToken ct)
    {
        clock.At(day.AddDays(-7), 18);
        var convened = Must(await Make<ConveneAssembly>().ExecuteAsync(chair, body with { StartsAtUtc = day.ToDateTime(new TimeOnly(17, 0)) }, ct), "assembly");
        clock.At(day, 17);
        Must(await Make<OpenAssembly>().ExecuteAsync(chair, convened.Id, Call.First, ct), "opening");
        var checkIn = Make<CheckIn>();
        foreach (var resident in present)
            Must(await checkIn.ExecuteAsync(chair, convened.Id, resident, AttendanceChannel.PaperRoster, ct), "check-in");
        var vote = Must(await services.GetRequiredService<CreateVote>().ExecuteAsync(chair, convened.Id,
            new VoteInput(question, VoteKind.YesNoAbstain, Secret: true, null, convened.Agenda.First().Id, mandate), ct), "vote");
        Must(await Make<OpenVote>().ExecuteAsync(chair, convened.Id, vote.Id, ct), "vote opening");
        var cast = services.GetRequiredService<CastBallot>();
        for (var i = 0; i < present.Count; i++)
        {
            var choice = i < yes ? "yes" : i % 3 == 0 ? "no" : "abstain";
            Must(await cast.ExecuteAsync(chair, convened.Id, vote.Id, new BallotInput(choice, null, present[i], BallotChannel.Paper), ct), "ballot");
        }
        var result = Must(await services.GetRequiredService<CloseVote>().ExecuteAsync(chair, convened.Id, vote.Id, ct), "tally");
        decisions[key] = result.DecisionId ?? throw new InvalidOperationException($"The demo's vote \"{question}\" did not pass.");
        clock.At(day, 20);
        Must(await Make<CloseAssembly>().ExecuteAsync(chair, convened.Id, ct), "minutes");
    }

    /// <summary>Moves <paramref name="amount"/> minor units on <paramref name="day"/>; under the mandate <paramref name="mandate"/> when it spends common funds.</summary>
    public async Task<Guid> PostAsync(DateOnly day, string from, string to, long amount, string currency, string memo, CancellationToken ct, string? mandate = null)
    {
        clock.At(day, 10 + random.Next(0, 8));
        var journal = Make<JournalWriter>();
        var post = Make<PostTransfer>(journal);
        var input = new TransferInput(Guid.CreateVersion7(clock.Now), accounts[from], accounts[to], amount, currency, memo,
            mandate is null ? null : decisions[mandate], null);
        var outcome = Must(await post.ExecuteAsync(Finance, communeId, input, ct), memo);
        if (outcome.Pending is { } pending)
        {
            clock.At(day.AddDays(1), 11);
            var approver = SecondApprover ?? throw new InvalidOperationException($"The demo's payment \"{memo}\" needs a second approver.");
            Must(await ActivatorUtilities.CreateInstance<ApproveTransfer>(services, journal).ExecuteAsync(approver, communeId, pending.Id, ct), memo);
        }
        return input.Id;
    }

    /// <summary>Undoes the posting <paramref name="transferId"/> by a reversing one that points to it.</summary>
    public async Task ReverseAsync(DateOnly day, Guid transferId, string memo, CancellationToken ct)
    {
        clock.At(day, 9);
        var original = await db.Transfers.AsNoTracking().SingleAsync(t => t.Id == transferId, ct);
        var input = new TransferInput(Guid.CreateVersion7(clock.Now), original.CreditAccountId, original.DebitAccountId, original.Amount,
            original.Currency, memo, null, original.Id);
        Must(await Make<PostTransfer>(Make<JournalWriter>()).ExecuteAsync(Finance, communeId, input, ct), memo);
    }

    /// <summary>A use case with the demo's clock in place of the real one.</summary>
    private T Make<T>(params object[] with) => ActivatorUtilities.CreateInstance<T>(services, [clock, .. with]);

    private static T Must<T>(Result<T> result, string what) => result.IsSuccess
        ? result.Value
        : throw new InvalidOperationException($"The demo's {what} was refused: {result.Error.Code} — {result.Error.Message}");

    public static async Task<Actor> ActorAsync(IComunaDb db, string userId, CancellationToken ct) =>
        new(userId, await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == userId).ToListAsync(ct));
}
