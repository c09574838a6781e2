using System.Globalization;
using Comuna.Application.Deliberation;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Comuna.Domain.Registry;
using Comuna.Web.Access;
using Comuna.Web.Hosting;

namespace Comuna.Web.Api;

/// <summary>
/// Citizens' assemblies over JSON: convene, open on a call, take attendance, put questions to
/// the vote, cast ballots, close with minutes; tallies, vote logs and decisions are public.
/// </summary>
public static class DeliberationApi
{
    public sealed record ConveneRequest(Guid? CouncilId, Guid? CommuneId, string? StartsAt, string? Place, List<string>? Agenda);

    public sealed record OpenRequest(string? Call);

    public sealed record AttendanceRequest(Guid ResidentId, string? Channel);

    public sealed record MandateRequest(string? Purpose, long? Amount, string? Currency, string? Action);

    public sealed record PostRequest(string? Unit, string? Committee);

    public sealed record VoteRequest(
        string? Question, string? Kind, bool Secret, List<string>? Options, Guid? AgendaItemId, MandateRequest? Mandate,
        PostRequest? Post, List<Guid>? Candidates);

    public sealed record BallotRequest(string? Choice, List<string>? Choices, Guid? ResidentId, string? Channel);

    public static IEndpointRouteBuilder MapDeliberationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Deliberation");
        api.MapPost("/assemblies", ConveneAsync).RequireAuthorization();
        api.MapGet("/assemblies/{id:guid}", async (Guid id, DeliberationQueries q, CancellationToken ct) => ApiResults.Ok(await q.AssemblyAsync(id, ct)));
        api.MapGet("/councils/{id:guid}/assemblies", async (Guid id, DeliberationQueries q, CancellationToken ct) => TypedResults.Ok(await q.OfCouncilAsync(id, ct)));
        api.MapPost("/assemblies/{id:guid}/open", OpenAsync).RequireAuthorization();
        api.MapPost("/assemblies/{id:guid}/close", CloseAsync).RequireAuthorization();
        api.MapPost("/assemblies/{id:guid}/attendance", CheckInAsync).RequireAuthorization().QueuedAsWrite();
        api.MapGet("/assemblies/{id:guid}/attendance", async (Guid id, DeliberationQueries q, CurrentActor current, CancellationToken ct) =>
            ApiResults.Ok(await q.AttendanceAsync(await current.GetAsync(ct), id, ct))).RequireAuthorization();
        api.MapPut("/assemblies/{id:guid}/agenda/{itemId:guid}", async (Guid id, Guid itemId, DebateSummaryInput request, RecordDebateSummary record, CurrentActor current, CancellationToken ct) =>
            ApiResults.Ok(await record.ExecuteAsync(await current.GetAsync(ct), id, itemId, request, ct))).RequireAuthorization();
        api.MapGet("/assemblies/{id:guid}/minutes", async (Guid id, DeliberationQueries q, CancellationToken ct) => ApiResults.Ok(await q.MinutesAsync(id, ct)));

        api.MapPost("/assemblies/{id:guid}/votes", CreateVoteAsync).RequireAuthorization();
        api.MapPost("/assemblies/{id:guid}/votes/{voteId:guid}/open", async (Guid id, Guid voteId, OpenVote open, CurrentActor current, CancellationToken ct) =>
            ApiResults.Ok((await open.ExecuteAsync(await current.GetAsync(ct), id, voteId, ct)).Map(v => new { v.Id, status = v.Status }))).RequireAuthorization();
        api.MapPost("/assemblies/{id:guid}/votes/{voteId:guid}/close", CloseVoteAsync).RequireAuthorization();
        api.MapPost("/assemblies/{id:guid}/votes/{voteId:guid}/ballots", CastAsync).RequireAuthorization().QueuedAsWrite();
        api.MapGet("/assemblies/{id:guid}/votes/{voteId:guid}/tally", async (Guid id, Guid voteId, DeliberationQueries q, CancellationToken ct) =>
            ApiResults.Ok(await q.TallyAsync(id, voteId, ct)));
        api.MapGet("/assemblies/{id:guid}/votes/{voteId:guid}/log", async (Guid id, Guid voteId, DeliberationQueries q, CancellationToken ct) =>
            ApiResults.Ok(await q.LogAsync(id, voteId, ct)));
        api.MapGet("/decisions/{id:guid}", async (Guid id, DeliberationQueries q, CancellationToken ct) => ApiResults.Ok(await q.DecisionAsync(id, ct)));
        return app;
    }

    private static async Task<IResult> ConveneAsync(ConveneRequest request, ConveneAssembly convene, DeliberationQueries q, CurrentActor current, CancellationToken ct)
    {
        DateTime? startsAt = null;
        if (!string.IsNullOrWhiteSpace(request.StartsAt))
        {
            if (!DateTimeOffset.TryParse(request.StartsAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                return ApiResults.Problem(Error.Invalid("startsAt", $"'{request.StartsAt}' is not a date and time (ISO 8601, e.g. 2026-12-05T18:00:00-04:00)."));
            startsAt = parsed.UtcDateTime;
        }
        var created = await convene.ExecuteAsync(await current.GetAsync(ct),
            new ConveneInput(request.CouncilId, request.CommuneId, startsAt, request.Place, request.Agenda), ct);
        if (!created.IsSuccess)
            return ApiResults.Problem(created.Error);
        return TypedResults.Created($"/api/v1/assemblies/{created.Value.Id}", (await q.AssemblyAsync(created.Value.Id, ct)).Value);
    }

    private static async Task<IResult> OpenAsync(Guid id, OpenRequest? request, OpenAssembly open, DeliberationQueries q, CurrentActor current, CancellationToken ct)
    {
        var call = WireEnums.Parse<Call>(request?.Call, "call", "first or second");
        if (!call.IsSuccess)
            return ApiResults.Problem(call.Error);
        var opened = await open.ExecuteAsync(await current.GetAsync(ct), id, call.Value, ct);
        return opened.IsSuccess ? ApiResults.Ok(await q.AssemblyAsync(id, ct)) : ApiResults.Problem(opened.Error);
    }

    private static async Task<IResult> CloseAsync(Guid id, CloseAssembly close, DeliberationQueries q, CurrentActor current, CancellationToken ct)
    {
        var closed = await close.ExecuteAsync(await current.GetAsync(ct), id, ct);
        return closed.IsSuccess ? ApiResults.Ok(await q.MinutesAsync(id, ct)) : ApiResults.Problem(closed.Error);
    }

    private static async Task<IResult> CheckInAsync(Guid id, AttendanceRequest request, CheckIn checkIn, CurrentActor current, CancellationToken ct)
    {
        var channel = request.Channel is null ? AttendanceChannel.InPerson : WireEnums.Parse<AttendanceChannel>(request.Channel, "channel", "in-person or paper-roster");
        if (!channel.IsSuccess)
            return ApiResults.Problem(channel.Error);
        var outcome = await checkIn.ExecuteAsync(await current.GetAsync(ct), id, request.ResidentId, channel.Value ?? AttendanceChannel.InPerson, ct);
        if (!outcome.IsSuccess)
            return ApiResults.Problem(outcome.Error);
        var o = outcome.Value;
        var body = new { o.Attendance.ResidentId, checkedInAt = o.Attendance.CheckedInAtUtc, channel = o.Attendance.Channel, o.Present, o.QuorumRequired, quorumMet = Quorum.IsMet(o.Present, o.QuorumRequired) };
        return o.Created ? TypedResults.Created($"/api/v1/assemblies/{id}/attendance", body) : TypedResults.Ok(body);
    }

    private static async Task<IResult> CreateVoteAsync(Guid id, VoteRequest request, CreateVote create, CurrentActor current, CancellationToken ct)
    {
        var kind = WireEnums.Parse<VoteKind>(request.Kind, "kind", "yes-no-abstain, approval, ranked or election");
        if (!kind.IsSuccess)
            return ApiResults.Problem(kind.Error);
        var mandate = request.Mandate is { } m ? new MandateTerms(m.Purpose?.Trim() ?? "", m.Amount, m.Currency?.Trim().ToUpperInvariant(), m.Action?.Trim()) : null;
        ElectionPost? post = null;
        if (request.Post is { } p)
        {
            var unit = WireEnums.Parse<SpokespersonUnit>(p.Unit, "post.unit", "executive, finance-unit, social-oversight or electoral-commission");
            if (!unit.IsSuccess)
                return ApiResults.Problem(unit.Error);
            post = new ElectionPost(unit.Value!.Value, p.Committee);
        }
        var created = await create.ExecuteAsync(await current.GetAsync(ct), id,
            new VoteInput(request.Question, kind.Value, request.Secret, request.Options, request.AgendaItemId, mandate, post, request.Candidates), ct);
        if (!created.IsSuccess)
            return ApiResults.Problem(created.Error);
        var v = created.Value;
        return TypedResults.Created($"/api/v1/assemblies/{id}/votes/{v.Id}",
            new { v.Id, v.Question, v.Kind, v.Secret, v.Options, v.Status, v.Post, candidates = v.Kind == VoteKind.Election ? v.Candidates : null });
    }

    private static async Task<IResult> CloseVoteAsync(Guid id, Guid voteId, CloseVote close, DeliberationQueries q, CurrentActor current, CancellationToken ct)
    {
        var closed = await close.ExecuteAsync(await current.GetAsync(ct), id, voteId, ct);
        return closed.IsSuccess ? ApiResults.Ok(await q.TallyAsync(id, voteId, ct)) : ApiResults.Problem(closed.Error);
    }

    private static async Task<IResult> CastAsync(Guid id, Guid voteId, BallotRequest request, CastBallot cast, CurrentActor current, CancellationToken ct)
    {
        // A ballot entered for someone else comes from paper unless the request says otherwise.
        var channel = request.ResidentId is null ? BallotChannel.Online : BallotChannel.Paper;
        if (request.Channel is not null)
        {
            var parsed = WireEnums.Parse<BallotChannel>(request.Channel, "channel", "online or paper");
            if (!parsed.IsSuccess)
                return ApiResults.Problem(parsed.Error);
            channel = parsed.Value!.Value;
        }
        var receipt = await cast.ExecuteAsync(await current.GetAsync(ct), id, voteId,
            new BallotInput(request.Choice, request.Choices, request.ResidentId, channel), ct);
        return receipt.IsSuccess
            ? TypedResults.Created($"/api/v1/assemblies/{id}/votes/{voteId}/log", new { receipt = receipt.Value })
            : ApiResults.Problem(receipt.Error);
    }
}
