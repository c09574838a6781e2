using System.Text.Json;
using Comuna.Domain.Common;
using Comuna.Planning;
using Microsoft.AspNetCore.Diagnostics;

namespace Comuna.Web.Api;

/// <summary>
/// A body that is not JSON, or a field of the wrong type, is bad input like any other: it gets
/// problem details that say where the body went wrong (line, position and JSON path) and name the
/// field, in words for whoever wrote the request rather than the framework's type names.
/// </summary>
public sealed class BadRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
            return false;
        var code = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "request-too-large" : "malformed-request";
        var error = bad.InnerException is JsonException json
            ? Describe(code, JsonFault.Of(json))
            : new Error(code, bad.InnerException is { } inner ? $"{bad.Message} {inner.Message}" : bad.Message);
        httpContext.Response.StatusCode = bad.StatusCode;
        var problem = ApiResults.Problem(error);
        if (bad.StatusCode != StatusCodes.Status400BadRequest)
        {
            problem = TypedResults.Problem(detail: error.Message, statusCode: bad.StatusCode, title: code,
                extensions: new Dictionary<string, object?> { ["code"] = code });
        }
        await problem.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>"The body is not the JSON this request takes, at line 1, position 17 (at $.units): …", naming the field.</summary>
    private static Error Describe(string code, JsonFault fault)
    {
        // The parser names the .NET type it wanted; the writer of the request needs the kind of value.
        var reason = !fault.WrongKind
            ? fault.Reason
            : fault.Path is null
                ? "the body must be a JSON object."
                : "the value there is not of the kind this field takes (text, a number, an id, a list or an object).";
        var where = fault.Position is null ? "" : $", at {fault.Position}";
        return new Error(code, $"The body is not the JSON this request takes{where}{fault.At}: {reason}", Field: FieldOf(fault.Path));
    }

    /// <summary>The field a JSON path ends in: <c>householdId</c> for <c>$.householdId</c>, nothing for the body itself.</summary>
    private static string? FieldOf(string? path)
    {
        if (path is null)
            return null;
        var last = path[(path.LastIndexOf('.') + 1)..];
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        return bracket > 0 ? last[..bracket] : last;
    }
}
