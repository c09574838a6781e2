using System.Globalization;
using Comuna.Application.Common;
using Comuna.Application.Registry;
using Comuna.Domain.Common;
using Comuna.Domain.Registry;
using Comuna.Web.Access;

namespace Comuna.Web.Api;

/// <summary>
/// The registry over JSON: territory, communes, councils, households and residents. Summaries
/// are public; census data answers only to those who may read it, and 404 to everyone else.
/// </summary>
public static class RegistryApi
{
    public sealed record CommuneRequest(string? Code, string? Name, int ParishId, string? FoundedOn, string? Charter, double? Latitude = null, double? Longitude = null);

    public sealed record CouncilRequest(
        string? Code, string? Name, string? Kind, int ParishId, Guid? CommuneId, int? DeclaredFamilies, string? RuleSetId);

    public sealed record SpokespersonRequest(Guid ResidentId, string? Unit, string? Committee, string? ElectedOn);

    public sealed record ResidentRequest(string? NationalId, string? FirstNames, string? LastNames, string? BirthDate, string? Sex);

    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Registry");

        api.MapGet("/territory/states", async (RegistryQueries q, CancellationToken ct) => TypedResults.Ok(await q.StatesAsync(ct)));
        api.MapGet("/territory/states/{id:int}", async (int id, RegistryQueries q, CancellationToken ct) =>
            ApiResults.Ok((await q.StateAsync(id, ct)).Map(r => new { state = r.State, municipalities = r.Municipalities })));
        api.MapGet("/territory/municipalities/{id:int}", async (int id, RegistryQueries q, CancellationToken ct) =>
            ApiResults.Ok((await q.MunicipalityAsync(id, ct)).Map(r => new { municipality = r.Municipality, parishes = r.Parishes })));
        api.MapGet("/territory/parishes/{id:int}", async (int id, RegistryQueries q, CancellationToken ct) =>
            ApiResults.Ok((await q.ParishAsync(id, ct)).Map(r => new { parish = r.Parish, communes = r.Communes, councils = r.Councils })));

        api.MapGet("/communes", CommunesAsync);
        api.MapGet("/communes/{id:guid}", async (Guid id, RegistryQueries q, CancellationToken ct) => ApiResults.Ok(await q.CommuneAsync(id, ct)));
        api.MapGet("/communes/{id:guid}/councils", async (Guid id, RegistryQueries q, CancellationToken ct) =>
            ApiResults.Ok(await q.CouncilsOfCommuneAsync(id, ct)));
        api.MapPost("/communes", CreateCommuneAsync).RequireAuthorization();

        api.MapGet("/councils/{id:guid}", async (Guid id, RegistryQueries q, CancellationToken ct) => ApiResults.Ok(await q.CouncilAsync(id, ct)));
        api.MapPost("/councils", RegisterCouncilAsync).RequireAuthorization();
        api.MapPut("/councils/{id:guid}", UpdateCouncilAsync).RequireAuthorization();

        api.MapGet("/councils/{id:guid}/households", HouseholdsAsync).RequireAuthorization();
        api.MapPost("/councils/{id:guid}/households", AddHouseholdAsync).RequireAuthorization();
        api.MapGet("/councils/{id:guid}/residents", ResidentsAsync).RequireAuthorization();
        api.MapGet("/households/{id:guid}", HouseholdAsync).RequireAuthorization();
        api.MapPost("/households/{id:guid}/residents", AddResidentAsync).RequireAuthorization();
        api.MapGet("/councils/{id:guid}/spokespeople", async (Guid id, RegistryQueries q, CancellationToken ct) =>
            ApiResults.Ok(await q.SpokespeopleAsync(id, ct)));
        api.MapPost("/councils/{id:guid}/spokespeople", RecordSpokespersonAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> CreateCommuneAsync(
        CommuneRequest request, CreateCommune createCommune, RegistryQueries q, CurrentActor current, CancellationToken ct)
    {
        var founded = ParseDate("foundedOn", request.FoundedOn);
        if (!founded.IsSuccess)
            return ApiResults.Problem(founded.Error);
        var created = await createCommune.ExecuteAsync(
            await current.GetAsync(ct), new CreateCommuneInput(request.Code, request.Name, request.ParishId, founded.Value, request.Charter, request.Latitude, request.Longitude), ct);
        if (!created.IsSuccess)
            return ApiResults.Problem(created.Error);
        var view = await q.CommuneAsync(created.Value.Id, ct);
        return TypedResults.Created($"/api/v1/communes/{created.Value.Id}", view.Value);
    }

    private static async Task<IResult> RegisterCouncilAsync(
        CouncilRequest request, RegisterCouncil register, RegistryQueries q, CurrentActor current, CancellationToken ct)
    {
        var input = ToInput(request);
        if (!input.IsSuccess)
            return ApiResults.Problem(input.Error);
        var created = await register.ExecuteAsync(await current.GetAsync(ct), input.Value, ct);
        if (!created.IsSuccess)
            return ApiResults.Problem(created.Error);
        var view = await q.CouncilAsync(created.Value.Id, ct);
        return TypedResults.Created($"/api/v1/councils/{created.Value.Id}", view.Value);
    }

    private static async Task<IResult> UpdateCouncilAsync(
        Guid id, CouncilRequest request, UpdateCouncil update, RegistryQueries q, CurrentActor current, CancellationToken ct)
    {
        var input = ToInput(request);
        if (!input.IsSuccess)
            return ApiResults.Problem(input.Error);
        var updated = await update.ExecuteAsync(await current.GetAsync(ct), id, input.Value, ct);
        return updated.IsSuccess ? ApiResults.Ok(await q.CouncilAsync(id, ct)) : ApiResults.Problem(updated.Error);
    }

    private static async Task<IResult> CommunesAsync(int? page, int? pageSize, RegistryQueries q, HttpContext http, CancellationToken ct) =>
        Paged(http, Result<Page<CommuneView>>.Success(await q.CommunesPageAsync(page, pageSize, ct)));

    private static async Task<IResult> HouseholdsAsync(
        Guid id, int? page, int? pageSize, RegistryQueries q, CurrentActor current, HttpContext http, CancellationToken ct) =>
        Paged(http, await q.HouseholdsAsync(await current.GetAsync(ct), id, page, pageSize, ct));

    private static async Task<IResult> ResidentsAsync(
        Guid id, int? page, int? pageSize, RegistryQueries q, CurrentActor current, HttpContext http, CancellationToken ct) =>
        Paged(http, await q.ResidentsAsync(await current.GetAsync(ct), id, page, pageSize, ct));

    private static async Task<IResult> HouseholdAsync(Guid id, RegistryQueries q, CurrentActor current, CancellationToken ct) =>
        ApiResults.Ok((await q.HouseholdAsync(await current.GetAsync(ct), id, ct)).Map(r => new
        {
            r.Household.Id,
            r.Household.CouncilId,
            r.Household.Code,
            r.Household.Address,
            members = r.Members,
        }));

    private static async Task<IResult> AddHouseholdAsync(
        Guid id, HouseholdInput request, AddHousehold add, RegistryQueries q, CurrentActor current, CancellationToken ct)
    {
        var created = await add.ExecuteAsync(await current.GetAsync(ct), id, request, ct);
        if (!created.IsSuccess)
            return ApiResults.Problem(created.Error);
        var h = created.Value;
        return TypedResults.Created($"/api/v1/households/{h.Id}", new HouseholdView(h.Id, h.CouncilId, h.Code, h.Address, 0));
    }

    private static async Task<IResult> AddResidentAsync(
        Guid id, ResidentRequest request, AddResident add, RegistryQueries q, CurrentActor current, CancellationToken ct)
    {
        var birth = ParseDate("birthDate", request.BirthDate);
        if (!birth.IsSuccess)
            return ApiResults.Problem(birth.Error);
        var created = await add.ExecuteAsync(await current.GetAsync(ct), id,
            new ResidentInput(request.NationalId, request.FirstNames, request.LastNames, birth.Value, request.Sex), ct);
        return created.IsSuccess
            ? TypedResults.Created($"/api/v1/households/{id}", q.ToView(created.Value))
            : ApiResults.Problem(created.Error);
    }

    private static async Task<IResult> RecordSpokespersonAsync(
        Guid id, SpokespersonRequest request, RecordSpokesperson record, RegistryQueries q, CurrentActor current, CancellationToken ct)
    {
        var electedOn = ParseDate("electedOn", request.ElectedOn);
        if (!electedOn.IsSuccess)
            return ApiResults.Problem(electedOn.Error);
        SpokespersonUnit? unit = null;
        if (!string.IsNullOrWhiteSpace(request.Unit))
        {
            if (!Enum.TryParse<SpokespersonUnit>(request.Unit.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return ApiResults.Problem(Error.Invalid("unit", $"'{request.Unit}' is not a unit: executive, finance-unit, social-oversight or electoral-commission."));
            unit = parsed;
        }
        var created = await record.ExecuteAsync(await current.GetAsync(ct), id,
            new SpokespersonInput(request.ResidentId, unit, request.Committee, electedOn.Value), ct);
        if (!created.IsSuccess)
            return ApiResults.Problem(created.Error);
        var view = (await q.SpokespeopleAsync(id, ct)).Value.Single(s => s.Id == created.Value.Id);
        return TypedResults.Created($"/api/v1/councils/{id}/spokespeople", view);
    }

    /// <summary>A page as a plain JSON array, with the whole count in <c>X-Total-Count</c>.</summary>
    private static IResult Paged<T>(HttpContext http, Result<Page<T>> page)
    {
        if (!page.IsSuccess)
            return ApiResults.Problem(page.Error);
        http.Response.Headers["X-Total-Count"] = page.Value.Total.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-Page"] = page.Value.PageNumber.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-Page-Size"] = page.Value.PageSize.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok(page.Value.Items);
    }

    private static Result<CouncilInput> ToInput(CouncilRequest request)
    {
        CouncilKind? kind = null;
        if (!string.IsNullOrWhiteSpace(request.Kind))
        {
            if (!Enum.TryParse<CouncilKind>(request.Kind.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return Error.Invalid("kind", $"'{request.Kind}' is not a council kind: urban, rural or indigenous.");
            kind = parsed;
        }
        return new CouncilInput(request.Code, request.Name, kind, request.ParishId, request.CommuneId, request.DeclaredFamilies, request.RuleSetId);
    }

    private static Result<DateOnly?> ParseDate(string field, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return Result<DateOnly?>.Success(null);
        return DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Result<DateOnly?>.Success(date)
            : Error.Invalid(field, $"'{raw}' is not a date of the form YYYY-MM-DD.");
    }
}
