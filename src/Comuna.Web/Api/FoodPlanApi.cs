using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Comuna.Application.FoodPlan;
using Comuna.Application.Registry;
using Comuna.Domain.Common;
using Comuna.Domain.FoodPlan;
using Comuna.Planning.FoodPlan;
using Comuna.Web.FoodPlan;

namespace Comuna.Web.Api;

/// <summary>
/// The food plan over HTTP: the same JSON that <c>comuna plan</c> reads goes in the body, the same
/// result comes back. <c>POST /plans</c> answers when the plan is made and stores nothing; a plan
/// that takes minutes goes to <c>POST /plans/runs</c>, which answers at once (202) with the run's
/// address to ask again, as the page does: the run is kept for its account, like the page's runs.
/// Once its account publishes it (<c>POST /plans/runs/{id}/publish</c>) anyone may read it.
/// Both take <c>?policy=</c> and <c>?gap=</c>: a share of the objective (<c>0.001</c>) within
/// which a proven plan ends, status <c>within-gap</c> (<see cref="PlanMargin"/>).
/// </summary>
public static class FoodPlanApi
{
    public static IEndpointRouteBuilder MapFoodPlanApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/plans", PlanAsync).WithTags("FoodPlan").RequireAuthorization()
            .Accepts<PlanInput>("application/json").Produces<PlanResult>();
        var runs = app.MapGroup("/api/v1/plans/runs").WithTags("FoodPlan").RequireAuthorization();
        runs.MapPost("", StartAsync).Accepts<PlanInput>("application/json").Produces<PlanRunView>(StatusCodes.Status202Accepted);
        runs.MapGet("", ListAsync).Produces<IReadOnlyList<PlanRunView.Line>>();
        runs.MapGet("/{id}", FindAsync).Produces<PlanRunView>().AllowAnonymous();
        runs.MapDelete("/{id}", StopOrDeleteAsync);
        runs.MapPost("/{id}/publish", PublishAsync).Produces<PlanRunView>();
        // Published plans and what they send a council are public, as the plans themselves are.
        app.MapGet("/api/v1/plans/published", async (SavedPlans saved, CancellationToken ct) =>
            Json((await saved.ListPublishedAsync(ct)).Select(PlanRunView.Of).ToList())).WithTags("FoodPlan");
        app.MapGet("/api/v1/councils/{councilId:guid}/planned-produce", async (Guid councilId, PlannedProduce planned, CancellationToken ct) =>
            ApiResults.Ok(await planned.ForCouncilAsync(councilId, ct))).WithTags("FoodPlan");
        app.MapGet("/api/v1/communes/{communeId:guid}/food-plans", CommunePlansAsync).WithTags("FoodPlan")
            .Produces<IReadOnlyList<CommunePlanLine>>();
        return app;
    }

    /// <summary>
    /// The newest published plans a commune takes part in, with what each has it send and what
    /// each delivers to it (<see cref="CommunePlans"/>): what its page shows.
    /// </summary>
    private static async Task<IResult> CommunePlansAsync(Guid communeId, RegistryQueries registry, CommunePlans plans, CancellationToken ct)
    {
        var commune = await registry.CommuneCodeAsync(communeId, ct);
        if (commune is null)
            return ApiResults.Problem(Error.NotFound("commune", communeId));
        return Json(await plans.PublishedAsync(commune, ct));
    }

    /// <summary>Seconds a client is asked to wait before starting again when the planner is busy.</summary>
    public const int BusyRetrySeconds = 60;

    private static string Owner(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static IResult Json(object value, int status = StatusCodes.Status200OK) =>
        Results.Text(JsonSerializer.Serialize(value, PlanJson.Options), "application/json", Encoding.UTF8, status);

    /// <summary>Checks the inputs (every bad entry named, 400) and starts planning them in the background: 202 and the run's address.</summary>
    private static async Task<IResult> StartAsync(HttpContext http, PlanRuns planRuns, string? policy, string? gap, CancellationToken ct)
    {
        var chosen = FoodPlanner.ParsePolicy(policy ?? "production-first");
        if (chosen is null)
            return ApiResults.Problem(Error.Invalid("policy", $"'{policy}' is not a policy: production-first or import-first."));
        if (!PlanMargin.TryParse(gap, out var margin))
            return BadGap(gap);
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var (problem, input, errors) = FoodPlanner.Read(await reader.ReadToEndAsync(ct));
        if (problem is null)
            return Refused(errors);
        var run = planRuns.Start(Owner(http), problem, input!, chosen.Value, margin: margin);
        if (run is null)
            return Busy(http);
        http.Response.Headers.Location = $"/api/v1/plans/runs/{run.Id}";
        return Json(PlanRunView.Of(run), StatusCodes.Status202Accepted);
    }

    /// <summary>503 <c>planner-busy</c>, to try again in a minute.</summary>
    private static IResult Busy(HttpContext http)
    {
        http.Response.Headers.RetryAfter = BusyRetrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            detail: $"{PlanRuns.MaxRunning} plans are being made on this server; try again in a minute.",
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "planner-busy",
            extensions: new Dictionary<string, object?> { ["code"] = "planner-busy" });
    }

    /// <summary>The account's plans, newest first.</summary>
    private static async Task<IResult> ListAsync(HttpContext http, PlanRuns planRuns, CancellationToken ct) =>
        Json((await planRuns.ListAsync(Owner(http), ct)).Select(PlanRunView.Of).ToList());

    /// <summary>
    /// The run: its progress while it plans, its result once done; 404 for anyone but its account
    /// unless it is published (401 without an account, as before).
    /// </summary>
    private static async Task<IResult> FindAsync(HttpContext http, PlanRuns planRuns, string id, CancellationToken ct)
    {
        var viewer = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (await planRuns.FindAsync(id, viewer, ct) is { } run)
            return Json(PlanRunView.Of(run));
        return viewer is null ? Results.Unauthorized() : NotFound(id);
    }

    /// <summary>Publishes the account's finished plan, for good (200 with the run); 409 while it is not made.</summary>
    private static async Task<IResult> PublishAsync(HttpContext http, PlanRuns planRuns, string id, CancellationToken ct)
    {
        var owner = Owner(http);
        if (await planRuns.FindAsync(id, owner, ct) is not { } run || !run.IsOwnedBy(owner))
            return NotFound(id);
        var published = await planRuns.PublishAsync(run, owner, ct);
        return published.IsSuccess ? Json(PlanRunView.Of(run)) : ApiResults.Problem(published.Error);
    }

    /// <summary>A running plan is cancelled (202, it stops within a moment); an ended one is deleted (204); one another server process is making, neither (409).</summary>
    private static async Task<IResult> StopOrDeleteAsync(HttpContext http, PlanRuns planRuns, string id, CancellationToken ct)
    {
        var owner = Owner(http);
        if (await planRuns.FindAsync(id, owner, ct) is not { } run || !run.IsOwnedBy(owner))
            return NotFound(id);
        if (run.PublishedAt is not null)
            return ApiResults.Problem(Error.Conflict("plan-published", "A published plan stays: communes and their rounds rely on it."));
        if (run.HeldElsewhere)
            return ApiResults.Problem(Error.Conflict("plan-held-elsewhere", "Another Comuna server is making this plan; only that server can cancel it."));
        if (run.State == PlanRunState.Running)
        {
            PlanRuns.Cancel(run);
            return Json(PlanRunView.Of(run), StatusCodes.Status202Accepted);
        }
        return await planRuns.DeleteAsync(id, owner, ct) ? Results.NoContent() : NotFound(id);
    }

    /// <summary>400 naming every bad entry, the first as the problem's code.</summary>
    private static IResult Refused(IReadOnlyList<PlanError> errors) =>
        ApiResults.Problem(new Error(errors[0].Code, string.Join(" ", errors.Select(e => e.Message))));

    private static IResult BadGap(string? gap) =>
        ApiResults.Problem(Error.Invalid("gap", $"'{gap}' is not a gap: a share of the objective above 0 and below 1, as 0.001 for 0.1 %."));

    private static IResult NotFound(string id) => ApiResults.Problem(Error.NotFound("plan-run", id));

    /// <summary>
    /// Plans while the request waits: bad input is a 400 naming every bad entry; the plan takes one
    /// of the planner's places (503 <c>planner-busy</c> when none is free), and a client that goes
    /// away stops it, so that plans sent and abandoned do not go on taking the cores.
    /// </summary>
    private static async Task<IResult> PlanAsync(HttpContext http, PlanRuns planRuns, ILogger<PlanRuns> log, string? policy, string? gap, CancellationToken ct)
    {
        var chosen = FoodPlanner.ParsePolicy(policy ?? "production-first");
        if (chosen is null)
            return ApiResults.Problem(Error.Invalid("policy", $"'{policy}' is not a policy: production-first or import-first."));
        if (!PlanMargin.TryParse(gap, out var margin))
            return BadGap(gap);
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var (problem, _, errors) = FoodPlanner.Read(await reader.ReadToEndAsync(ct));
        if (problem is null)
            return Refused(errors);
        using var hold = planRuns.TryHoldSolver();
        if (hold is null)
            return Busy(http);
        var options = PlanRuns.Supervised(PlanMargin.Apply(FlowSolver.Options.Default, margin) with { Cancellation = ct }, log, $"for {http.User.Identity?.Name}");
        // The solver is CPU-bound and synchronous: off the request thread, as the page does.
        var result = await Task.Run(() => FoodPlanner.Plan(problem, chosen.Value, options: options), ct);
        return Results.Text(PlanJson.WriteResult(result), "application/json", Encoding.UTF8);
    }
}
