using System.Globalization;
using Comuna.Application.Deliberation;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Comuna.Web.Access;

namespace Comuna.Web.Api;

/// <summary>
/// A commune's parliament: its delegates, and its sessions. Sessions themselves are assemblies
/// (<c>POST /api/v1/assemblies</c> with a <c>communeId</c>), driven by the same endpoints as a council's.
/// </summary>
public static class ParliamentApi
{
    public sealed record SeatRequest(Guid ResidentId, string? Kind, Guid? CouncilId, string? ElectedOn);

    public static IEndpointRouteBuilder MapParliamentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/communes/{id:guid}").WithTags("Deliberation");
        api.MapGet("/parliament", async (Guid id, DeliberationQueries q, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(await q.ParliamentAsync(id, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct)));
        api.MapGet("/assemblies", async (Guid id, DeliberationQueries q, CancellationToken ct) => TypedResults.Ok(await q.OfCommuneAsync(id, ct)));
        api.MapPost("/parliament/seats", SeatAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> SeatAsync(Guid id, SeatRequest request, SeatDelegate seat, CurrentActor current, CancellationToken ct)
    {
        var kind = WireEnums.Parse<SeatKind>(request.Kind, "kind", "council, productive-organisation or communal-bank");
        if (!kind.IsSuccess)
            return ApiResults.Problem(kind.Error);
        DateOnly? electedOn = null;
        if (!string.IsNullOrWhiteSpace(request.ElectedOn))
        {
            if (!DateOnly.TryParseExact(request.ElectedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                return ApiResults.Problem(Error.Invalid("electedOn", $"'{request.ElectedOn}' is not a date of the form YYYY-MM-DD."));
            electedOn = parsed;
        }
        var seated = await seat.ExecuteAsync(await current.GetAsync(ct), id, new SeatInput(request.ResidentId, kind.Value, request.CouncilId, electedOn), ct);
        if (!seated.IsSuccess)
            return ApiResults.Problem(seated.Error);
        var s = seated.Value;
        return TypedResults.Created($"/api/v1/communes/{id}/parliament", new { s.Id, s.ResidentId, s.Kind, s.CouncilId, s.ElectedOn, s.TermEndsOn });
    }
}
