using Comuna.Application.Deliberation;
using Comuna.Web.Access;
using Comuna.Web.Hosting;

namespace Comuna.Web.Api;

/// <summary>Recall of spokespeople: start a petition, sign it, put it on an assembly's agenda.</summary>
public static class RecallsApi
{
    public sealed record StartRequest(Guid SpokespersonId, string? Reason, Guid? ResidentId);

    public sealed record SignRequest(Guid? ResidentId);

    public sealed record AgendaRequest(Guid AssemblyId);

    public static IEndpointRouteBuilder MapRecallsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Deliberation");
        api.MapGet("/councils/{id:guid}/recalls", async (Guid id, DeliberationQueries q, CancellationToken ct) => TypedResults.Ok(await q.RecallsAsync(id, null, ct)));
        api.MapGet("/recalls/{id:guid}", async (Guid id, DeliberationQueries q, CancellationToken ct) => ApiResults.Ok(await q.RecallAsync(id, ct)));
        api.MapPost("/councils/{id:guid}/recalls", StartAsync).RequireAuthorization();
        api.MapPost("/recalls/{id:guid}/signatures", SignAsync).RequireAuthorization().QueuedAsWrite();
        api.MapPost("/recalls/{id:guid}/agenda", ToAgendaAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> StartAsync(Guid id, StartRequest request, StartRecall start, DeliberationQueries q, CurrentActor current, CancellationToken ct)
    {
        var started = await start.ExecuteAsync(await current.GetAsync(ct), id, new RecallInput(request.SpokespersonId, request.Reason, request.ResidentId), ct);
        return started.IsSuccess
            ? TypedResults.Created($"/api/v1/recalls/{started.Value.Id}", (await q.RecallAsync(started.Value.Id, ct)).Value)
            : ApiResults.Problem(started.Error);
    }

    private static async Task<IResult> SignAsync(Guid id, SignRequest? request, SignRecall sign, CurrentActor current, CancellationToken ct)
    {
        var signed = await sign.ExecuteAsync(await current.GetAsync(ct), id, request?.ResidentId, ct);
        if (!signed.IsSuccess)
            return ApiResults.Problem(signed.Error);
        return signed.Value.Created ? TypedResults.Created($"/api/v1/recalls/{id}", signed.Value) : TypedResults.Ok(signed.Value);
    }

    private static async Task<IResult> ToAgendaAsync(Guid id, AgendaRequest request, PutRecallOnAgenda put, CurrentActor current, CancellationToken ct)
    {
        var vote = await put.ExecuteAsync(await current.GetAsync(ct), id, request.AssemblyId, ct);
        return vote.IsSuccess
            ? TypedResults.Created($"/api/v1/assemblies/{request.AssemblyId}/votes/{vote.Value.Id}", new { voteId = vote.Value.Id, vote.Value.Question, vote.Value.AgendaItemId })
            : ApiResults.Problem(vote.Error);
    }
}
