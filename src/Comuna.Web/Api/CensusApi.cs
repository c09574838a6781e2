using System.Text.Json;
using Comuna.Application.Registry.Census;
using Comuna.Domain.Common;
using Comuna.Web.Access;
using Comuna.Web.Hosting;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Comuna.Web.Api;

/// <summary>
/// A council's census as a file: <c>POST /api/v1/councils/{id}/census</c> imports a CSV (raw
/// <c>text/csv</c> body, or multipart with a <c>file</c> field), <c>GET</c> exports it.
/// Import answers 200 with the report, 422 with the report as problem details
/// (<c>code: census-invalid</c>) when rows are bad and nothing was saved, 413
/// <c>census-too-large</c> beyond <see cref="ComunaOptions.MaxCensusUploadBytes"/>, and problem
/// details for a wrong header, a file not in UTF-8 or a council the caller may not change.
/// </summary>
public static class CensusApi
{
    public const string TooLarge = "census-too-large";
    public const string Invalid = "census-invalid";

    public static IEndpointRouteBuilder MapCensusApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/councils/{id:guid}/census").WithTags("Census").RequireAuthorization();
        api.MapPost("", ImportAsync)
            .Accepts<string>("text/csv", "text/plain", "application/octet-stream", "multipart/form-data")
            .WithSummary("Imports the council's census from a CSV file, all rows or none.");
        api.MapGet("", ExportAsync)
            .WithSummary("The council's census as a CSV file, ordered by household code and national id.");
        return app;
    }

    private static async Task<IResult> ImportAsync(
        Guid id, HttpContext http, ImportCensus import, CurrentActor current, ComunaOptions options,
        IOptions<JsonOptions> json, CancellationToken ct)
    {
        // Refuse a declared oversize before reading a byte; a chunked body is caught by Kestrel's limit below.
        if (http.Request.ContentLength > options.MaxCensusUploadBytes)
            return TooLargeProblem(options);
        var actor = await current.GetAsync(ct);
        try
        {
            Result<CensusImportReport> result;
            if (http.Request.HasFormContentType)
            {
                var form = await http.Request.ReadFormAsync(ct);
                if (form.Files.GetFile("file") is not { } file)
                    return ApiResults.Problem(new Error("census-no-file", "Send the census in a form field named 'file'.", Field: "file"));
                await using var upload = file.OpenReadStream();
                result = await import.ExecuteAsync(actor, id, upload, null, ct);
            }
            else
            {
                result = await import.ExecuteAsync(actor, id, http.Request.Body, null, ct);
            }

            if (!result.IsSuccess)
                return ApiResults.Problem(result.Error);
            return result.Value.Succeeded ? TypedResults.Ok(result.Value) : InvalidProblem(result.Value, json.Value.SerializerOptions);
        }
        catch (BadHttpRequestException bad) when (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLargeProblem(options);
        }
        catch (InvalidDataException)
        {
            // The multipart reader's own length limit (FormOptions), set to the same size.
            return TooLargeProblem(options);
        }
    }

    private static async Task<IResult> ExportAsync(
        Guid id, HttpContext http, ExportCensus export, CurrentActor current, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"census-{id}.csv\"";
        // The export writes nothing before it has checked access, so a refusal can still be a problem.
        var written = await export.ExecuteAsync(actor, id, http.Response.Body, ct);
        if (!written.IsSuccess)
        {
            http.Response.Headers.ContentDisposition = default;
            return ApiResults.Problem(written.Error);
        }
        return TypedResults.Empty;
    }

    private static IResult TooLargeProblem(ComunaOptions options) => TypedResults.Problem(
        detail: $"The census file is larger than {options.MaxCensusUploadBytes} bytes; split it by household and send the parts.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: TooLarge,
        extensions: new Dictionary<string, object?> { ["code"] = TooLarge });

    /// <summary>The report itself, with the problem-details fields around it, so one body serves
    /// a program (the code) and a person (the bad lines).</summary>
    private static IResult InvalidProblem(CensusImportReport report, JsonSerializerOptions serializer)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = Invalid };
        foreach (var property in JsonSerializer.SerializeToElement(report, serializer).EnumerateObject())
            extensions[property.Name] = property.Value;
        return TypedResults.Problem(
            detail: $"{report.ErrorCount} problems in {report.Rows} rows; nothing was saved. Fix the lines listed and send the whole file again.",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: Invalid,
            extensions: extensions);
    }
}
