using Comuna.Application.Ledger;
using Comuna.Domain.Ledger;
using Comuna.Web.Access;
using Comuna.Web.Hosting;

namespace Comuna.Web.Api;

/// <summary>
/// The communal bank over JSON: accounts with their balances, and the journal of transfers.
/// Amounts are integers in minor units; a transfer's id is the client's, so retries are safe.
/// </summary>
public static class LedgerApi
{
    public sealed record AccountRequest(string? Code, string? Name, string? Kind, string? Currency, string? Source, Guid? CouncilId);

    public sealed record TransferRequest(
        Guid Id, Guid DebitAccountId, Guid CreditAccountId, long Amount, string? Currency, string? Memo, Guid? DecisionId, Guid? ReversesId);

    public static IEndpointRouteBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/communes/{communeId:guid}").WithTags("Ledger").RequireAuthorization();
        api.MapGet("/accounts", async (Guid communeId, LedgerQueries q, CurrentActor current, CancellationToken ct) =>
            ApiResults.Ok(await q.AccountsAsync(await current.GetAsync(ct), communeId, ct)));
        api.MapPost("/accounts", OpenAsync);
        api.MapGet("/transfers", async (Guid communeId, long? after, int? limit, LedgerQueries q, CurrentActor current, CancellationToken ct) =>
            ApiResults.Ok(await q.TransfersAsync(await current.GetAsync(ct), communeId, after, limit, ct)));
        api.MapPost("/transfers", PostAsync).QueuedAsPosting();
        api.MapPost("/transfers/batch", PostManyAsync).QueuedAsPosting()
            .WithSummary("Up to 1,000 transfers in one request, each answered on its own, in order: not all-or-nothing.");
        api.MapGet("/journal", JournalAsync)
            .WithSummary("The whole journal in order, for audit: JSON, or CSV with ?format=csv; amounts in minor units.");
        api.MapPost("/transfers/{transferId:guid}/approve", ApproveAsync).QueuedAsPosting();
        return app;
    }

    private static async Task<IResult> OpenAsync(Guid communeId, AccountRequest request, OpenAccount open, CurrentActor current, CancellationToken ct)
    {
        var kind = WireEnums.Parse<AccountKind>(request.Kind, "kind", "treasury, fund, enterprise, project, income or expense");
        if (!kind.IsSuccess)
            return ApiResults.Problem(kind.Error);
        IncomeSource? source = null;
        if (request.Source is not null)
        {
            var parsed = WireEnums.Parse<IncomeSource>(request.Source, "source", "own-revenue or state-funds");
            if (!parsed.IsSuccess)
                return ApiResults.Problem(parsed.Error);
            source = parsed.Value;
        }
        var opened = await open.ExecuteAsync(await current.GetAsync(ct), communeId,
            new AccountInput(request.Code, request.Name, kind.Value, request.Currency, source, request.CouncilId), ct);
        if (!opened.IsSuccess)
            return ApiResults.Problem(opened.Error);
        var a = opened.Value;
        return TypedResults.Created($"/api/v1/communes/{communeId}/accounts",
            new AccountView(a.Id, a.Code, a.Name, a.Kind, a.Currency, a.Balance, a.AllowNegative, a.Source, a.CouncilId));
    }

    private static async Task<IResult> JournalAsync(Guid communeId, string? format, ExportJournal export, CurrentActor current, HttpContext http, CancellationToken ct)
    {
        if (format is not (null or "json" or "csv"))
            return ApiResults.Problem(Comuna.Domain.Common.Error.Invalid("format", "The journal comes as json or csv."));
        var journal = await export.ExecuteAsync(await current.GetAsync(ct), communeId, ct);
        if (!journal.IsSuccess)
            return ApiResults.Problem(journal.Error);
        if (format != "csv")
            return TypedResults.Ok(journal.Value);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"journal-{communeId}.csv\"";
        await ExportJournal.WriteCsvAsync(journal.Value, http.Response.Body, ct);
        return TypedResults.Empty;
    }

    private static async Task<IResult> PostAsync(Guid communeId, TransferRequest request, PostTransfer post, CurrentActor current, CancellationToken ct)
    {
        var posted = await post.ExecuteAsync(await current.GetAsync(ct), communeId, new TransferInput(
            request.Id, request.DebitAccountId, request.CreditAccountId, request.Amount, request.Currency, request.Memo,
            request.DecisionId, request.ReversesId), ct);
        return Answer(communeId, posted);
    }

    private static async Task<IResult> PostManyAsync(Guid communeId, TransferRequest[] requests, PostTransfer post, CurrentActor current, CancellationToken ct)
    {
        var inputs = requests.Select(r => new TransferInput(r.Id, r.DebitAccountId, r.CreditAccountId, r.Amount, r.Currency, r.Memo, r.DecisionId, r.ReversesId)).ToList();
        var posted = await post.ExecuteManyAsync(await current.GetAsync(ct), communeId, inputs, ct);
        if (!posted.IsSuccess)
            return ApiResults.Problem(posted.Error);
        return TypedResults.Ok(posted.Value.Select((outcome, i) => BatchItem.Of(requests[i].Id, outcome)));
    }

    /// <summary>One transfer's answer inside a batch: the status it would have had alone, with its posting, its pending approval or its problem.</summary>
    public sealed record BatchItem(Guid Id, int Status, TransferView? Transfer, object? Pending, ProblemItem? Problem)
    {
        public static BatchItem Of(Guid id, Comuna.Domain.Common.Result<PostingOutcome> outcome)
        {
            if (!outcome.IsSuccess)
                return new(id, ApiResults.StatusFor(outcome.Error), null, null, new ProblemItem(outcome.Error.Code, outcome.Error.Message, outcome.Error.Field));
            if (outcome.Value.Pending is { } p)
                return new(id, StatusCodes.Status202Accepted, null, PendingView(p), null);
            return new(id, outcome.Value.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK, TransferView.Of(outcome.Value.Transfer!), null, null);
        }
    }

    public sealed record ProblemItem(string Code, string Detail, string? Field);

    private static async Task<IResult> ApproveAsync(Guid communeId, Guid transferId, ApproveTransfer approve, CurrentActor current, CancellationToken ct) =>
        Answer(communeId, await approve.ExecuteAsync(await current.GetAsync(ct), communeId, transferId, ct));

    private static object PendingView(PendingTransfer p) => new
    {
        p.Id,
        status = "pending-approval",
        p.DebitAccountId,
        p.CreditAccountId,
        p.Amount,
        p.Currency,
        p.Memo,
        p.DecisionId,
        p.RequestedBy,
    };

    /// <summary>201 for a new posting, 200 for a retry that finds it, 202 while a large outflow waits for its second approval.</summary>
    private static IResult Answer(Guid communeId, Comuna.Domain.Common.Result<PostingOutcome> outcome)
    {
        if (!outcome.IsSuccess)
            return ApiResults.Problem(outcome.Error);
        if (outcome.Value.Pending is { } p)
        {
            return TypedResults.Accepted($"/api/v1/communes/{communeId}/transfers/{p.Id}/approve", PendingView(p));
        }
        var view = TransferView.Of(outcome.Value.Transfer!);
        return outcome.Value.Created
            ? TypedResults.Created($"/api/v1/communes/{communeId}/transfers?after={view.Sequence - 1}&limit=1", view)
            : TypedResults.Ok(view);
    }
}
