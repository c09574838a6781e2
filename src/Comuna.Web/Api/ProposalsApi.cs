using Comuna.Application.Deliberation;
using Comuna.Domain.Deliberation;
using Comuna.Web.Access;

namespace Comuna.Web.Api;

/// <summary>Proposals of an assembly: submit, argue for and against, amend, and put to the vote.</summary>
public static class ProposalsApi
{
    public sealed record ProposalRequest(Guid? AgendaItemId, string? Title, string? Text, Guid? ResidentId);

    public sealed record ArgumentRequest(string? Side, string? Text, Guid? ResidentId);

    public sealed record AmendmentRequest(string? Text, Guid? ResidentId);

    public sealed record ToVoteRequest(bool Secret, DeliberationApi.MandateRequest? Mandate);

    public static IEndpointRouteBuilder MapProposalsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Deliberation");
        api.MapGet("/assemblies/{id:guid}/proposals", async (Guid id, DeliberationQueries q, CancellationToken ct) => ApiResults.Ok(await q.ProposalsAsync(id, ct)));
        api.MapPost("/assemblies/{id:guid}/proposals", SubmitAsync).RequireAuthorization();
        api.MapPost("/proposals/{id:guid}/arguments", ArgueAsync).RequireAuthorization();
        api.MapPost("/proposals/{id:guid}/amendments", AmendAsync).RequireAuthorization();
        api.MapPost("/proposals/{id:guid}/vote", ToVoteAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> SubmitAsync(Guid id, ProposalRequest request, SubmitProposal submit, CurrentActor current, CancellationToken ct)
    {
        var created = await submit.ExecuteAsync(await current.GetAsync(ct), id,
            new ProposalInput(request.AgendaItemId, request.Title, request.Text, request.ResidentId), ct);
        if (!created.IsSuccess)
            return ApiResults.Problem(created.Error);
        var p = created.Value;
        return TypedResults.Created($"/api/v1/assemblies/{id}/proposals",
            new { p.Id, p.AssemblyId, p.AgendaItemId, p.Position, p.Title, p.Text, p.Status, p.Revision });
    }

    private static async Task<IResult> ArgueAsync(Guid id, ArgumentRequest request, ArgueProposal argue, CurrentActor current, CancellationToken ct)
    {
        var side = WireEnums.Parse<ArgumentSide>(request.Side, "side", "for or against");
        if (!side.IsSuccess)
            return ApiResults.Problem(side.Error);
        var created = await argue.ExecuteAsync(await current.GetAsync(ct), id, new ArgumentInput(side.Value, request.Text, request.ResidentId), ct);
        return created.IsSuccess
            ? TypedResults.Created($"/api/v1/proposals/{id}", new { created.Value.Id, created.Value.Side, created.Value.Text })
            : ApiResults.Problem(created.Error);
    }

    private static async Task<IResult> AmendAsync(Guid id, AmendmentRequest request, AmendProposal amend, CurrentActor current, CancellationToken ct)
    {
        var amended = await amend.ExecuteAsync(await current.GetAsync(ct), id, new AmendmentInput(request.Text, request.ResidentId), ct);
        return ApiResults.Ok(amended.Map(p => new { p.Id, p.Title, p.Text, p.Revision, p.Status }));
    }

    private static async Task<IResult> ToVoteAsync(Guid id, ToVoteRequest? request, PutProposalToVote put, CurrentActor current, CancellationToken ct)
    {
        var mandate = request?.Mandate is { } m ? new MandateTerms(m.Purpose?.Trim() ?? "", m.Amount, m.Currency?.Trim().ToUpperInvariant(), m.Action?.Trim()) : null;
        var vote = await put.ExecuteAsync(await current.GetAsync(ct), id, new PutToVoteInput(request?.Secret ?? false, mandate), ct);
        if (!vote.IsSuccess)
            return ApiResults.Problem(vote.Error);
        var v = vote.Value;
        return TypedResults.Created($"/api/v1/assemblies/{v.AssemblyId}/votes/{v.Id}", new { v.Id, v.AssemblyId, v.Question, v.Kind, v.Secret, v.Status });
    }
}
