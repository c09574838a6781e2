using System.Text;
using Comuna.Domain.Common;
using Comuna.Planning.FoodPlan;

namespace Comuna.Web.Api;

/// <summary>
/// The food plan over HTTP: the same JSON that <c>comuna plan</c> reads goes in the body, the same
/// result comes back. Nothing is stored: a plan is a computation on the inputs it is given.
/// </summary>
public static class FoodPlanApi
{
    public static IEndpointRouteBuilder MapFoodPlanApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/plans", PlanAsync).WithTags("FoodPlan").RequireAuthorization()
            .Accepts<PlanInput>("application/json").Produces<PlanResult>();
        return app;
    }

    private static async Task<IResult> PlanAsync(HttpRequest request, string? policy, CancellationToken ct)
    {
        var chosen = FoodPlanner.ParsePolicy(policy ?? "production-first");
        if (chosen is null)
            return ApiResults.Problem(Error.Invalid("policy", $"'{policy}' is not a policy: production-first or import-first."));
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var json = await reader.ReadToEndAsync(ct);
        // The solver is CPU-bound and synchronous: off the request thread, as the page does.
        var (result, errors) = await Task.Run(() => FoodPlanner.PlanFromJson(json, chosen.Value), ct);
        if (result is null)
        {
            // Every bad entry is named, the first as the problem's code.
            return ApiResults.Problem(new Error(errors[0].Code, string.Join(" ", errors.Select(e => e.Message))));
        }
        return Results.Text(PlanJson.WriteResult(result), "application/json", Encoding.UTF8);
    }
}
