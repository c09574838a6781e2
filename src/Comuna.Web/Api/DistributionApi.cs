using System.Globalization;
using System.Security.Claims;
using Comuna.Application.Distribution;
using Comuna.Domain.Common;
using Comuna.Domain.Distribution;
using Comuna.Web.Access;
using Comuna.Web.Hosting;

namespace Comuna.Web.Api;

/// <summary>
/// Distribution rounds over JSON: a council's rounds, the allocation shown before anything is
/// handed out, deliveries (each household once per round, never beyond the units that arrived),
/// a printed sheet entered afterwards, closing with signed minutes, and the transparency view.
/// </summary>
public static class DistributionApi
{
    public sealed record RoundRequest(
        string? Kind, string? Item, string? Unit, int? UnitsArrived, string? StartsOn, string? EndsOn, List<string>? PickupPoints,
        int? UnitsPerHousehold, int? MembersPerExtraUnit, int? MaxUnitsPerHousehold,
        bool? PriorityChildren, bool? PriorityElderly, bool? PriorityPregnant, bool? PriorityMalnutrition, int? PriorityExtraUnits,
        string? PlanId = null, string? PlanProduct = null);

    /// <summary>A delivery; <paramref name="BeyondAllocation"/> false refuses a household the allocation gives nothing. It is true
    /// when left out, as before it existed, since a client of the API reads the allocation for itself.</summary>
    public sealed record DeliveryRequest(Guid? HouseholdId, int? Units, string? Channel, bool? BeyondAllocation = null);

    public sealed record SheetRequest(string? Sheet);

    public sealed record HealthFlagRequest(string? Kind, string? StartsOn, string? EndsOn);

    public static IEndpointRouteBuilder MapDistributionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Distribution");
        api.MapPost("/councils/{councilId:guid}/rounds", CreateAsync).RequireAuthorization();
        api.MapGet("/councils/{councilId:guid}/rounds", async (Guid councilId, DistributionQueries q, CancellationToken ct) =>
            ApiResults.Ok(await q.OfCouncilAsync(councilId, ct)));
        api.MapGet("/councils/{councilId:guid}/distribution", async (Guid councilId, DistributionQueries q, CancellationToken ct) =>
            ApiResults.Ok(await q.TransparencyAsync(councilId, ct)))
            .WithSummary("The transparency view: every round with units arrived and delivered, households served and missed.");
        api.MapGet("/rounds/{id:guid}", async (Guid id, DistributionQueries q, CancellationToken ct) => ApiResults.Ok(await q.RoundAsync(id, ct)));
        api.MapGet("/rounds/{id:guid}/allocation", async (Guid id, PreviewAllocation preview, CurrentActor current, CancellationToken ct) =>
            ApiResults.Ok(await preview.ExecuteAsync(await current.GetAsync(ct), id, ct))).RequireAuthorization();
        api.MapGet("/rounds/{id:guid}/households/{householdId:guid}", async (Guid id, Guid householdId, DistributionQueries q, CurrentActor current, CancellationToken ct) =>
            ApiResults.Ok(await q.HouseholdAsync(await current.GetAsync(ct), id, householdId, ct))).RequireAuthorization();
        api.MapPost("/rounds/{id:guid}/deliveries", DeliverAsync).RequireAuthorization().QueuedAsWrite();
        api.MapPost("/rounds/{id:guid}/delivery-sheet", SheetAsync).RequireAuthorization().QueuedAsWrite();
        api.MapPost("/rounds/{id:guid}/close", CloseAsync).RequireAuthorization();
        api.MapGet("/rounds/{id:guid}/minutes", async (Guid id, DistributionQueries q, CancellationToken ct) => ApiResults.Ok(await q.MinutesAsync(id, ct)));
        api.MapPost("/residents/{residentId:guid}/health-flags", FlagAsync).RequireAuthorization();
        api.MapDelete("/residents/{residentId:guid}/health-flags/{kind}", ClearFlagAsync).RequireAuthorization()
            .WithSummary("Ends the resident's flag of this kind from today (pregnant or malnutrition); 204 whether or not one was in force.");
        return app;
    }

    private static async Task<IResult> CreateAsync(Guid councilId, RoundRequest request, CreateRound create, DistributionQueries q, CurrentActor current, CancellationToken ct)
    {
        var kind = WireEnums.Parse<DistributionKind>(request.Kind, "kind", "food-box, gas-bottle or produce");
        if (!kind.IsSuccess)
            return ApiResults.Problem(kind.Error);
        var startsOn = Day(request.StartsOn, "startsOn");
        if (!startsOn.IsSuccess)
            return ApiResults.Problem(startsOn.Error);
        var endsOn = Day(request.EndsOn, "endsOn");
        if (!endsOn.IsSuccess)
            return ApiResults.Problem(endsOn.Error);
        var created = await create.ExecuteAsync(await current.GetAsync(ct), councilId, new RoundInput(
            kind.Value, request.Item, request.Unit, request.UnitsArrived, startsOn.Value, endsOn.Value, request.PickupPoints,
            request.UnitsPerHousehold, request.MembersPerExtraUnit, request.MaxUnitsPerHousehold,
            request.PriorityChildren, request.PriorityElderly, request.PriorityPregnant, request.PriorityMalnutrition, request.PriorityExtraUnits,
            request.PlanId, request.PlanProduct), ct);
        if (!created.IsSuccess)
            return ApiResults.Problem(created.Error);
        var view = await q.RoundAsync(created.Value.Id, ct);
        return TypedResults.Created($"/api/v1/rounds/{created.Value.Id}", view.Value);
    }

    private static async Task<IResult> DeliverAsync(Guid id, DeliveryRequest request, RecordDelivery record, CurrentActor current, CancellationToken ct)
    {
        if (request.HouseholdId is not { } householdId)
            return ApiResults.Problem(Error.Invalid("householdId", "Say which household is served: householdId."));
        if (request.Units is not { } units)
            return ApiResults.Problem(Error.Invalid("units", "Say how many units are handed out: units."));
        var channel = DeliveryChannel.Search;
        if (request.Channel is not null)
        {
            var parsed = WireEnums.Parse<DeliveryChannel>(request.Channel, "channel", "search or paper-sheet");
            if (!parsed.IsSuccess)
                return ApiResults.Problem(parsed.Error);
            channel = parsed.Value!.Value;
        }
        var delivered = await record.ExecuteAsync(await current.GetAsync(ct), id, householdId, units, channel, request.BeyondAllocation ?? true, ct);
        if (!delivered.IsSuccess)
            return ApiResults.Problem(delivered.Error);
        var d = delivered.Value;
        return TypedResults.Created($"/api/v1/rounds/{id}/households/{d.HouseholdId}",
            new { d.Id, roundId = d.RoundId, d.HouseholdId, d.Units, d.Channel, d.MarkedBy, deliveredAt = d.DeliveredAtUtc });
    }

    private static async Task<IResult> SheetAsync(Guid id, SheetRequest request, RecordDeliverySheet record, CurrentActor current, CancellationToken ct)
    {
        var recorded = await record.ExecuteAsync(await current.GetAsync(ct), id, request.Sheet, ct);
        return recorded.IsSuccess
            ? TypedResults.Created($"/api/v1/rounds/{id}", new { deliveries = recorded.Value.Count, units = recorded.Value.Sum(d => d.Units) })
            : ApiResults.Problem(recorded.Error);
    }

    private static async Task<IResult> CloseAsync(Guid id, CloseRound close, DistributionQueries q, CurrentActor current, HttpContext http, CancellationToken ct)
    {
        var closed = await close.ExecuteAsync(await current.GetAsync(ct), id, SignerOf(http.User), ct);
        return closed.IsSuccess ? ApiResults.Ok(await q.MinutesAsync(id, ct)) : ApiResults.Problem(closed.Error);
    }

    private static async Task<IResult> FlagAsync(Guid residentId, HealthFlagRequest request, RecordHealthFlag record, CurrentActor current, CancellationToken ct)
    {
        var kind = WireEnums.Parse<HealthFlagKind>(request.Kind, "kind", "pregnant or malnutrition");
        if (!kind.IsSuccess)
            return ApiResults.Problem(kind.Error);
        var startsOn = Day(request.StartsOn, "startsOn");
        if (!startsOn.IsSuccess)
            return ApiResults.Problem(startsOn.Error);
        var endsOn = Day(request.EndsOn, "endsOn");
        if (!endsOn.IsSuccess)
            return ApiResults.Problem(endsOn.Error);
        var flag = await record.ExecuteAsync(await current.GetAsync(ct), residentId, kind.Value!.Value, startsOn.Value, endsOn.Value, ct);
        return flag.IsSuccess
            ? TypedResults.Created($"/api/v1/residents/{residentId}/health-flags",
                new { flag.Value.Id, flag.Value.ResidentId, flag.Value.Kind, flag.Value.StartsOn, flag.Value.EndsOn })
            : ApiResults.Problem(flag.Error);
    }

    private static async Task<IResult> ClearFlagAsync(Guid residentId, string kind, ClearHealthFlag clear, CurrentActor current, CancellationToken ct)
    {
        var parsed = WireEnums.Parse<HealthFlagKind>(kind, "kind", "pregnant or malnutrition");
        if (!parsed.IsSuccess)
            return ApiResults.Problem(parsed.Error);
        var cleared = await clear.ExecuteAsync(await current.GetAsync(ct), residentId, parsed.Value!.Value, ct);
        return cleared.IsSuccess ? TypedResults.NoContent() : ApiResults.Problem(cleared.Error);
    }

    /// <summary>Who signs the acta: the account's name as it signed in.</summary>
    public static string SignerOf(ClaimsPrincipal user) => user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "?";

    private static Result<DateOnly?> Day(string? raw, string field)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return Result<DateOnly?>.Success(null);
        return DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? Result<DateOnly?>.Success(day)
            : Error.Invalid(field, $"'{raw}' is not a date: write YYYY-MM-DD.");
    }
}
